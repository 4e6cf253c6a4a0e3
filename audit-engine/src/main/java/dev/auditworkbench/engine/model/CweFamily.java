package dev.auditworkbench.engine.model;

import java.util.List;
import java.util.Map;

/**
 * CWE ids that name one weakness at different depths of MITRE's hierarchy, as tools pick them:
 * bandit says CWE-80 (basic XSS) for {@code mark_safe} where the scan says CWE-79 (XSS). Two
 * findings at one place are the same problem when their CWEs are in one family.
 */
public final class CweFamily {
  private static final Map<Integer, Integer> ROOT =
      Map.ofEntries(
          Map.entry(80, 79),
          Map.entry(83, 79),
          Map.entry(87, 79), // cross-site scripting
          Map.entry(564, 89),
          Map.entry(943, 89), // SQL injection
          Map.entry(77, 78),
          Map.entry(88, 78), // OS command injection
          Map.entry(23, 22),
          Map.entry(36, 22),
          Map.entry(73, 22), // path traversal
          Map.entry(259, 798),
          Map.entry(321, 798), // hard-coded credentials
          Map.entry(328, 327),
          Map.entry(916, 327), // weak hashing
          Map.entry(776, 611)); // XML external entities

  private CweFamily() {}

  /** The family's root id (the id itself when it is in no family here). */
  public static int root(int cwe) {
    return ROOT.getOrDefault(cwe, cwe);
  }

  /** Whether {@code cwe} is in the family of one of {@code others}. */
  public static boolean sameAsAny(int cwe, List<Integer> others) {
    int r = root(cwe);
    return others.stream().anyMatch(o -> root(o) == r);
  }
}
