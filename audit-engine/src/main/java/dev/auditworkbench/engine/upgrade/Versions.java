package dev.auditworkbench.engine.upgrade;

/** Dotted release numbers compared number by number ("3.10" is after "3.9"). */
public final class Versions {
  private Versions() {}

  /** A sortable key: each of the first three numbers in six digits, so keys sort as versions do. */
  public static String key(String version) {
    String[] parts = version.split("\\.");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      int n = 0;
      if (i < parts.length) {
        String digits = parts[i].replaceAll("\\D.*$", "");
        n =
            digits.isEmpty()
                ? 0
                : Integer.parseInt(digits.length() > 6 ? digits.substring(0, 6) : digits);
      }
      out.append(String.format("%06d", n));
    }
    return out.toString();
  }

  public static int compare(String a, String b) {
    return key(a).compareTo(key(b));
  }

  /** The series of a release: "3.2.25" is "3.2". */
  public static String series(String version) {
    String[] parts = version.split("\\.");
    return parts.length < 2 ? version : parts[0] + "." + parts[1].replaceAll("\\D.*$", "");
  }
}
