package dev.auditworkbench.importers.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the time stamps logs write ("2026-11-24 10:14:29.582 UTC", "2026-11-24 10:14:29,585",
 * "24/Nov/2026:10:14:29 +0000") into epoch milliseconds without a formatter per line: a gigabyte
 * log has millions of them. Zones by abbreviation, name or offset; none means UTC.
 */
public final class Timestamps {
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  private final Map<String, ZoneId> zones = new HashMap<>();
  private final Map<Long, Long> dayStarts = new HashMap<>();

  /**
   * Reads "YYYY-MM-DD HH:MM:SS[.fff|,fff][ ZONE]" starting at {@code from}; -1 when it is not one.
   * {@code end[0]} receives the index just after what was read.
   */
  public long isoLike(String s, int from, int[] end) {
    int i = from;
    if (s.length() < i + 19
        || s.charAt(i + 4) != '-'
        || s.charAt(i + 7) != '-'
        || s.charAt(i + 13) != ':') {
      return -1;
    }
    int year = digits(s, i, 4);
    int month = digits(s, i + 5, 2);
    int day = digits(s, i + 8, 2);
    int hour = digits(s, i + 11, 2);
    int minute = digits(s, i + 14, 2);
    int second = digits(s, i + 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour < 0
        || minute < 0
        || second < 0) {
      return -1;
    }
    i += 19;
    int millis = 0;
    if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
      int j = i + 1;
      int scale = 100;
      while (j < s.length() && Character.isDigit(s.charAt(j))) {
        if (scale > 0) {
          millis += (s.charAt(j) - '0') * scale;
          scale /= 10;
        }
        j++;
      }
      i = j;
    }
    ZoneId zone = ZoneOffset.UTC;
    if (i + 1 < s.length()
        && s.charAt(i) == ' '
        && (Character.isUpperCase(s.charAt(i + 1))
            || s.charAt(i + 1) == '+'
            || s.charAt(i + 1) == '-')) {
      int j = i + 1;
      while (j < s.length() && s.charAt(j) != ' ' && s.charAt(j) != ']' && s.charAt(j) != ',') {
        j++;
      }
      ZoneId z = zone(s.substring(i + 1, j));
      if (z != null) {
        zone = z;
        i = j;
      }
    }
    if (end != null) {
      end[0] = i;
    }
    return epoch(year, month, day, zone) + ((hour * 60L + minute) * 60 + second) * 1000 + millis;
  }

  /** Reads an access log's "24/Nov/2026:10:14:29 +0000"; -1 when it is not one. */
  public long common(String s) {
    if (s.length() < 20 || s.charAt(2) != '/' || s.charAt(6) != '/' || s.charAt(11) != ':') {
      return -1;
    }
    int day = digits(s, 0, 2);
    int month = -1;
    for (int m = 0; m < 12; m++) {
      if (s.startsWith(MONTHS[m], 3)) {
        month = m + 1;
      }
    }
    int year = digits(s, 7, 4);
    int hour = digits(s, 12, 2);
    int minute = digits(s, 15, 2);
    int second = digits(s, 18, 2);
    if (day < 0 || month < 0 || year < 0 || hour < 0 || minute < 0 || second < 0) {
      return -1;
    }
    ZoneId zone = ZoneOffset.UTC;
    if (s.length() > 21) {
      ZoneId z = zone(s.substring(21).trim());
      if (z == null) {
        return -1;
      }
      zone = z;
    }
    return epoch(year, month, day, zone) + ((hour * 60L + minute) * 60 + second) * 1000;
  }

  private long epoch(int year, int month, int day, ZoneId zone) {
    if (zone instanceof ZoneOffset offset) {
      long key = ((year * 13L + month) * 32 + day) * 100_000 + offset.getTotalSeconds();
      Long start = dayStarts.get(key);
      if (start == null) {
        start = LocalDate.of(year, month, day).atStartOfDay(offset).toInstant().toEpochMilli();
        dayStarts.put(key, start);
      }
      return start;
    }
    // Zones with daylight saving: the day's start in that zone (the rare hour of a switch is
    // approximated).
    return ZonedDateTime.of(year, month, day, 0, 0, 0, 0, zone).toInstant().toEpochMilli();
  }

  private ZoneId zone(String text) {
    return zones.computeIfAbsent(
        text,
        t -> {
          if (t.equals("UTC") || t.equals("GMT") || t.equals("Z")) {
            return ZoneOffset.UTC;
          }
          try {
            if (t.startsWith("+") || t.startsWith("-")) {
              String digits = t.replace(":", "");
              return ZoneOffset.of(
                  digits.length() == 3
                      ? digits
                      : digits.substring(0, 3) + ":" + digits.substring(3));
            }
            return ZoneId.of(t, ZoneId.SHORT_IDS);
          } catch (DateTimeException | StringIndexOutOfBoundsException e) {
            return null;
          }
        });
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int k = from; k < from + count; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
