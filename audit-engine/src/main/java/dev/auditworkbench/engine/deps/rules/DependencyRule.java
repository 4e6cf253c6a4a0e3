package dev.auditworkbench.engine.deps.rules;

import dev.auditworkbench.engine.deps.Requirement;
import dev.auditworkbench.engine.deps.Unmaintained;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.DjangoReleases;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Dependencies: the Django version the project pins (a lock file first, else an exact requirement)
 * checked against Django's support roadmap, with the LTS upgrade path; and requirements left
 * unpinned in requirements files (builds that change under the team's feet); packages the bundled
 * table ({@code unmaintained.tsv}) knows as unmaintained or superseded, high when they cannot run
 * with the current LTS. Libraries' setup.py and constraints files are not judged for pinning.
 */
final class DependencyRule implements Rule {
  @Override
  public String id() {
    return "dependency";
  }

  @Override
  public String description() {
    return "Django version out of (or near the end of) support, with the LTS upgrade path; unmaintained or superseded"
        + " packages (a bundled table) and those that block the LTS upgrade; unpinned requirements";
  }

  /** PyPI's name normalisation, extras dropped: "Bleach[css]" and "bleach" are one package. */
  static String packageKey(String name) {
    return name.replaceAll("\\[.*", "").strip().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    django(a).ifPresent(out);
    unmaintained(a, out);
    // A package pinned anywhere (a lock file, a constraints file, another line: bleach==6.3 beside
    // bleach[css]) is pinned: the install resolves to that version.
    Set<String> pinnedSomewhere = new HashSet<>();
    for (Requirement r : a.dependencies()) {
      if (r.isPinned() || r.spec().contains("==") || r.source().equals("lock")) {
        pinnedSomewhere.add(packageKey(r.name()));
      }
    }
    for (Requirement r : a.dependencies()) {
      if (r.source().equals("requirements")
          && !r.isPinned()
          && !r.spec().contains("==")
          && !pinnedSomewhere.contains(packageKey(r.name()))) {
        out.accept(
            RawFinding.builder("dependency.unpinned")
                .nativeRuleId("unpinned")
                .title(
                    "Unpinned dependency: "
                        + r.name()
                        + (r.spec().isEmpty() ? "" : " " + r.spec())
                        + " ("
                        + r.path()
                        + ")")
                .description(
                    r.name()
                        + " is required without an exact version in "
                        + r.path()
                        + ":"
                        + r.line()
                        + ", so every install may get a different release. Pin it (or use a lock file).")
                .category(Category.DEPENDENCIES)
                .severity(Severity.LOW)
                .confidence(Confidence.HIGH)
                .path(r.path())
                .lines(r.line(), r.line())
                .evidence(Evidence.Kind.CODE, r.name() + r.spec())
                .defaultImpact(Impact.of(2))
                .defaultEffort(Effort.hours(1))
                .build());
      }
    }
  }

  /**
   * Declared packages the bundled table knows as unmaintained or superseded, once per package
   * (requirements first).
   */
  private static void unmaintained(RepoAnalysis a, Consumer<RawFinding> out) {
    String target = DjangoReleases.currentLts(a.today()).version();
    Requirement.declaredOncePerPackage(a.dependencies())
        .forEach(
            r ->
                Unmaintained.of(r.name())
                    .ifPresent(
                        p -> {
                          boolean blocks = p.blocks(target);
                          String version = r.pinned() != null ? " " + r.pinned() : "";
                          out.accept(
                              RawFinding.builder("dependency.unmaintained")
                                  .nativeRuleId(blocks ? "unmaintained-blocker" : "unmaintained")
                                  .title(
                                      (blocks
                                              ? "Unmaintained package blocks Django "
                                                  + target
                                                  + ": "
                                              : "Unmaintained package: ")
                                          + r.name()
                                          + version
                                          + " (replace with "
                                          + p.replacement()
                                          + ")")
                                  .description(
                                      r.name()
                                          + version
                                          + " ("
                                          + r.path()
                                          + ":"
                                          + r.line()
                                          + "): "
                                          + p.reason()
                                          + "."
                                          + (blocks
                                              ? " It cannot run with Django "
                                                  + target
                                                  + " (the current LTS; it runs up to "
                                                  + p.lastDjango()
                                                  + "), so it must go before the upgrade."
                                              : "")
                                          + " Replace it with "
                                          + p.replacement()
                                          + ".")
                                  .category(Category.DEPENDENCIES)
                                  .severity(blocks ? Severity.HIGH : Severity.MEDIUM)
                                  .confidence(Confidence.HIGH)
                                  .path(r.path())
                                  .lines(r.line(), r.line())
                                  .evidence(Evidence.Kind.CODE, r.name() + r.spec())
                                  .cwe(1104)
                                  .owasp(OwaspTop10.A06.id())
                                  .defaultImpact(Impact.of(blocks ? 4 : 3))
                                  .defaultEffort(
                                      Effort.hours(blocks ? Unmaintained.REPLACEMENT_HOURS : 8))
                                  .build());
                        }));
  }

  private static Optional<RawFinding> django(RepoAnalysis a) {
    Optional<Requirement> pin = Requirement.pinnedDjango(a.dependencies());
    if (pin.isEmpty()) {
      return Optional.empty();
    }
    Requirement r = pin.get();
    Optional<DjangoReleases.Series> series = DjangoReleases.of(r.pinned());
    if (series.isEmpty()) {
      return Optional.empty();
    }
    DjangoReleases.Series s = series.get();
    DjangoReleases.Series target = DjangoReleases.currentLts(a.today());
    boolean supported = s.supportedOn(a.today());
    boolean ending =
        supported && !s.endOfSupport().isAfter(YearMonth.from(a.today()).plusMonths(6));
    if (supported && !ending) {
      return Optional.empty();
    }
    String end =
        s.endOfSupport().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
            + " "
            + s.endOfSupport().getYear();
    List<DjangoReleases.Series> path = DjangoReleases.ltsPath(s.version(), target);
    String route =
        path.isEmpty()
            ? target.version()
            : s.version()
                + " -> "
                + path.stream()
                    .map(DjangoReleases.Series::version)
                    .collect(Collectors.joining(" -> "));
    return Optional.of(
        RawFinding.builder("dependency.django-support")
            .nativeRuleId("django-support")
            .title(
                "Django "
                    + r.pinned()
                    + (supported
                        ? " reaches the end of its support in "
                        : " has been out of support since ")
                    + end)
            .description(
                "The project pins Django "
                    + r.pinned()
                    + " ("
                    + r.path()
                    + ":"
                    + r.line()
                    + "); the "
                    + s.version()
                    + " series "
                    + (supported
                        ? "stops receiving security fixes in "
                        : "has received no security fixes since ")
                    + end
                    + ". Upgrade along the LTS releases: "
                    + route
                    + " ("
                    + target.version()
                    + " is supported until "
                    + target
                        .endOfSupport()
                        .getMonth()
                        .getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + " "
                    + target.endOfSupport().getYear()
                    + ").")
            .category(Category.DEPENDENCIES)
            .severity(supported ? Severity.MEDIUM : Severity.HIGH)
            .confidence(Confidence.HIGH)
            .path(r.path())
            .lines(r.line(), r.line())
            .evidence(Evidence.Kind.CODE, "django" + r.spec())
            .cwe(1104)
            .owasp(OwaspTop10.A06.id())
            .defaultImpact(Impact.of(4))
            .defaultEffort(Effort.hours(80))
            .build());
  }
}
