package dev.auditworkbench.views.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the app shows a moment: to the minute, in the machine's time zone. */
public final class Times {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Times() {}

  public static String minute(Instant at) {
    return MINUTE.withZone(ZoneId.systemDefault()).format(at);
  }
}
