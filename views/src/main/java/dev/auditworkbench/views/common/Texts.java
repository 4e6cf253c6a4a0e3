package dev.auditworkbench.views.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the app words moments and counts. */
public final class Texts {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Texts() {}

  /** A moment to the minute, in the machine's time zone. */
  public static String minute(Instant at) {
    return MINUTE.withZone(ZoneId.systemDefault()).format(at);
  }

  /** "1 import", "2 imports", "1,200 imports": a count with its noun (plural by adding s). */
  public static String count(long n, String noun) {
    return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  /** The text with its first letter upper-cased ("move 3 cards" to "Move 3 cards"). */
  public static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
