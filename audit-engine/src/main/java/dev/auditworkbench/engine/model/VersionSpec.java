package dev.auditworkbench.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 440 version specifiers ("&gt;=3.2,&lt;4.0", "~=4.2", "==4.*") evaluated on release numbers;
 * pre-, post- and dev-release suffixes are ignored (an audit asks "does 5.2 fit", not "does
 * 5.2rc1").
 */
public final class VersionSpec {
  private static final Pattern CLAUSE =
      Pattern.compile("^(===|==|!=|<=|>=|~=|<|>)\\s*([0-9][0-9A-Za-z.*+!-]*)$");

  private VersionSpec() {}

  /** Whether {@code version} satisfies every clause of {@code spec}; an empty spec allows all. */
  public static boolean allows(String spec, String version) {
    if (spec == null || spec.isBlank()) {
      return true;
    }
    for (String clause : spec.split(",")) {
      Matcher m = CLAUSE.matcher(clause.strip());
      if (!m.matches()) {
        continue; // an unreadable clause constrains nothing we can judge
      }
      if (!clauseAllows(m.group(1), m.group(2), version)) {
        return false;
      }
    }
    return true;
  }

  private static boolean clauseAllows(String op, String target, String version) {
    if (target.endsWith(".*")) {
      String prefix = target.substring(0, target.length() - 2);
      boolean matches =
          compare(release(version, count(prefix)), release(prefix, count(prefix))) == 0;
      return op.equals("!=") ? !matches : matches;
    }
    int c = compare(release(version, 0), release(target, 0));
    return switch (op) {
      case "==", "===" -> c == 0;
      case "!=" -> c != 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      case "~=" -> {
        List<Integer> t = release(target, 0);
        int keep = Math.max(1, t.size() - 1);
        yield c >= 0 && compare(release(version, keep), release(target, keep)) == 0;
      }
      default -> true;
    };
  }

  private static int count(String v) {
    return v.split("\\.").length;
  }

  /**
   * Compares release numbers number by number: "3.10" is after "3.9", "4.2" equals "4.2.0", and
   * "6.0rc1" counts as 6.0.
   */
  public static int compare(String a, String b) {
    return compare(release(a, 0), release(b, 0));
  }

  /** The series of a release: "3.2.25" is "3.2". */
  public static String series(String version) {
    String[] parts = version.split("\\.");
    return parts.length < 2 ? version : parts[0] + "." + parts[1].replaceAll("\\D.*$", "");
  }

  private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

  /** The numeric release segments, cut to {@code limit} when it is positive. */
  static List<Integer> release(String version, int limit) {
    List<Integer> out = new ArrayList<>();
    for (String part : version.split("\\.")) {
      Matcher m = LEADING_NUMBER.matcher(part);
      if (!m.find()) {
        break;
      }
      out.add(Integer.parseInt(m.group(1)));
      if (limit > 0 && out.size() == limit) {
        break;
      }
    }
    return out;
  }

  static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      int x = i < a.size() ? a.get(i) : 0;
      int y = i < b.size() ? b.get(i) : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }
}
