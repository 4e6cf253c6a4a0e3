package dev.auditworkbench.engine.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OWASP Top 10 2021 categories and the CWEs OWASP maps to each (owasp.org/Top10, "List of Mapped
 * CWEs" of every category; the CWEs a Python web scanner reports are all covered).
 */
public enum OwaspTop10 {
  A01(
      "A01:2021",
      "Broken Access Control",
      22,
      23,
      35,
      59,
      200,
      201,
      219,
      264,
      275,
      276,
      284,
      285,
      352,
      359,
      377,
      402,
      425,
      441,
      497,
      538,
      540,
      548,
      552,
      566,
      601,
      639,
      651,
      668,
      706,
      862,
      863,
      913,
      922,
      1275),
  A02(
      "A02:2021",
      "Cryptographic Failures",
      261,
      296,
      310,
      319,
      321,
      322,
      323,
      324,
      325,
      326,
      327,
      328,
      329,
      330,
      331,
      335,
      336,
      337,
      338,
      340,
      347,
      523,
      720,
      757,
      759,
      760,
      780,
      818,
      916),
  A03(
      "A03:2021",
      "Injection",
      20,
      74,
      75,
      77,
      78,
      79,
      80,
      83,
      87,
      88,
      89,
      90,
      91,
      93,
      94,
      95,
      96,
      97,
      98,
      99,
      100,
      113,
      116,
      138,
      184,
      470,
      471,
      564,
      610,
      643,
      644,
      652,
      917),
  A04(
      "A04:2021",
      "Insecure Design",
      73,
      183,
      209,
      213,
      235,
      256,
      257,
      266,
      269,
      280,
      311,
      312,
      313,
      316,
      419,
      430,
      434,
      444,
      451,
      472,
      501,
      522,
      525,
      539,
      579,
      598,
      602,
      642,
      646,
      650,
      653,
      656,
      657,
      799,
      807,
      840,
      841,
      927,
      1021,
      1173),
  A05(
      "A05:2021",
      "Security Misconfiguration",
      2,
      11,
      13,
      15,
      16,
      260,
      315,
      520,
      526,
      537,
      541,
      547,
      611,
      614,
      756,
      776,
      942,
      1004,
      1032,
      1174),
  A06("A06:2021", "Vulnerable and Outdated Components", 937, 1035, 1104),
  A07(
      "A07:2021",
      "Identification and Authentication Failures",
      255,
      259,
      287,
      288,
      290,
      294,
      295,
      297,
      300,
      302,
      304,
      306,
      307,
      346,
      384,
      521,
      613,
      620,
      640,
      798,
      940,
      1216),
  A08(
      "A08:2021",
      "Software and Data Integrity Failures",
      345,
      353,
      426,
      494,
      502,
      565,
      784,
      829,
      830,
      915),
  A09("A09:2021", "Security Logging and Monitoring Failures", 117, 223, 532, 778),
  A10("A10:2021", "Server-Side Request Forgery", 918);

  private static final Map<Integer, OwaspTop10> BY_CWE = new HashMap<>();

  static {
    for (OwaspTop10 category : values()) {
      for (int cwe : category.cwes) {
        BY_CWE.put(cwe, category);
      }
    }
  }

  private final String id;
  private final String title;
  private final int[] cwes;

  OwaspTop10(String id, String title, int... cwes) {
    this.id = id;
    this.title = title;
    this.cwes = cwes;
  }

  /** "A03:2021". */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** The category of an id such as "A03:2021". */
  public static Optional<OwaspTop10> byId(String id) {
    for (OwaspTop10 o : values()) {
      if (o.id().equals(id)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  public static Optional<OwaspTop10> forCwe(int cwe) {
    return Optional.ofNullable(BY_CWE.get(cwe));
  }

  /** The categories of a list of CWEs, without repeats, in CWE order. */
  public static List<String> idsFor(List<Integer> cwes) {
    return cwes.stream()
        .map(OwaspTop10::forCwe)
        .flatMap(Optional::stream)
        .map(OwaspTop10::id)
        .distinct()
        .toList();
  }
}
