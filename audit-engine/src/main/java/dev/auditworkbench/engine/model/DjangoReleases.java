package dev.auditworkbench.engine.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Django's release series and when their (extended) support ends, from the project's published
 * roadmap (djangoproject.com/download, "Supported versions"). Support ends in the month given.
 */
public final class DjangoReleases {
  /** A release series: "3.2", its end of support, and whether it is a long-term support release. */
  public record Series(String version, YearMonth endOfSupport, boolean lts) {
    public boolean supportedOn(LocalDate day) {
      return !YearMonth.from(day).isAfter(endOfSupport);
    }
  }

  static final List<Series> ALL =
      List.of(
          new Series("1.8", YearMonth.of(2018, 4), true),
          new Series("1.9", YearMonth.of(2017, 4), false),
          new Series("1.10", YearMonth.of(2017, 12), false),
          new Series("1.11", YearMonth.of(2020, 4), true),
          new Series("2.0", YearMonth.of(2019, 4), false),
          new Series("2.1", YearMonth.of(2019, 12), false),
          new Series("2.2", YearMonth.of(2022, 4), true),
          new Series("3.0", YearMonth.of(2021, 4), false),
          new Series("3.1", YearMonth.of(2021, 12), false),
          new Series("3.2", YearMonth.of(2024, 4), true),
          new Series("4.0", YearMonth.of(2023, 4), false),
          new Series("4.1", YearMonth.of(2023, 12), false),
          new Series("4.2", YearMonth.of(2026, 4), true),
          new Series("5.0", YearMonth.of(2025, 4), false),
          new Series("5.1", YearMonth.of(2025, 12), false),
          new Series("5.2", YearMonth.of(2028, 4), true),
          new Series("6.0", YearMonth.of(2027, 4), false));

  private DjangoReleases() {}

  /** Every series, oldest first. */
  public static List<Series> all() {
    return ALL;
  }

  /** The series of a version ("3.2.25" is in 3.2). */
  public static Optional<Series> of(String version) {
    if (!version.contains(".")) {
      return Optional.empty();
    }
    String series = VersionSpec.series(version);
    return ALL.stream().filter(s -> s.version().equals(series)).findFirst();
  }

  /** The newest LTS series supported on the day. */
  public static Series currentLts(LocalDate day) {
    return ALL.stream()
        .filter(Series::lts)
        .filter(s -> s.supportedOn(day))
        .reduce((a, b) -> b)
        .orElse(ALL.get(ALL.size() - 1));
  }

  /** LTS series from after {@code from} up to {@code to}: the upgrade path Django recommends. */
  public static List<Series> ltsPath(String from, Series to) {
    return ALL.stream()
        .filter(Series::lts)
        .filter(
            s ->
                VersionSpec.compare(s.version(), from) > 0
                    && VersionSpec.compare(s.version(), to.version()) <= 0)
        .toList();
  }
}
