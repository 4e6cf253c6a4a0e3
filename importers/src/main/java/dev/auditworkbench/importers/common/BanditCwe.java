package dev.auditworkbench.importers.common;

import java.util.Map;

/**
 * The CWE that bandit (1.7.3 and later) assigns to each of its plugins, for reports written by
 * older versions that carry no {@code issue_cwe} (Debian 12 ships bandit 1.6.2).
 */
public final class BanditCwe {
  private static final Map<String, Integer> BY_TEST =
      Map.ofEntries(
          Map.entry("B101", 703),
          Map.entry("B102", 78),
          Map.entry("B103", 732),
          Map.entry("B104", 605),
          Map.entry("B105", 259),
          Map.entry("B106", 259),
          Map.entry("B107", 259),
          Map.entry("B108", 377),
          Map.entry("B110", 703),
          Map.entry("B112", 703),
          Map.entry("B113", 400),
          Map.entry("B201", 94),
          Map.entry("B202", 22),
          Map.entry("B301", 502),
          Map.entry("B302", 502),
          Map.entry("B303", 327),
          Map.entry("B304", 327),
          Map.entry("B305", 327),
          Map.entry("B306", 377),
          Map.entry("B307", 78),
          Map.entry("B308", 79),
          Map.entry("B310", 22),
          Map.entry("B311", 330),
          Map.entry("B312", 319),
          Map.entry("B313", 20),
          Map.entry("B314", 20),
          Map.entry("B315", 20),
          Map.entry("B316", 20),
          Map.entry("B317", 20),
          Map.entry("B318", 20),
          Map.entry("B319", 20),
          Map.entry("B320", 20),
          Map.entry("B321", 319),
          Map.entry("B323", 295),
          Map.entry("B324", 327),
          Map.entry("B401", 319),
          Map.entry("B402", 319),
          Map.entry("B403", 502),
          Map.entry("B404", 78),
          Map.entry("B405", 20),
          Map.entry("B406", 20),
          Map.entry("B407", 20),
          Map.entry("B408", 20),
          Map.entry("B409", 20),
          Map.entry("B410", 20),
          Map.entry("B411", 20),
          Map.entry("B412", 319),
          Map.entry("B413", 327),
          Map.entry("B501", 295),
          Map.entry("B502", 327),
          Map.entry("B503", 327),
          Map.entry("B504", 327),
          Map.entry("B505", 326),
          Map.entry("B506", 20),
          Map.entry("B507", 295),
          Map.entry("B601", 78),
          Map.entry("B602", 78),
          Map.entry("B603", 78),
          Map.entry("B604", 78),
          Map.entry("B605", 78),
          Map.entry("B606", 78),
          Map.entry("B607", 78),
          Map.entry("B608", 89),
          Map.entry("B609", 78),
          Map.entry("B610", 89),
          Map.entry("B611", 89),
          Map.entry("B701", 94),
          Map.entry("B702", 80),
          Map.entry("B703", 80));

  private BanditCwe() {}

  /** The CWE id, or 0 for a plugin bandit does not map (third-party plugins). */
  public static int forTest(String testId) {
    return BY_TEST.getOrDefault(testId, 0);
  }
}
