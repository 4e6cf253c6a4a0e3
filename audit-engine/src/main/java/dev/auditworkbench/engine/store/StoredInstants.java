package dev.auditworkbench.engine.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads back the instants the store writes ({@link Instant#toString()}:
 * "2026-12-06T20:59:01.798Z"). {@link Instant#parse} goes through a general formatter at about 3
 * microseconds a value in a fresh process, which was half of listing 500,000 findings (two instants
 * each); this reads the one form the store writes by hand and hands anything else to {@link
 * Instant#parse}. The last value is kept, as the findings of one import share their instants.
 */
final class StoredInstants {
  private String lastText;
  private Instant last;

  Instant parse(String text) {
    if (text.equals(lastText)) {
      return last;
    }
    Instant parsed = parseCanonical(text);
    lastText = text;
    last = parsed;
    return parsed;
  }

  /** "yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z" by hand, anything else by {@link Instant#parse}. */
  static Instant parseCanonical(String t) {
    int n = t.length();
    if (n < 20
        || n > 30
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':'
        || t.charAt(n - 1) != 'Z'
        || (n > 20 && t.charAt(19) != '.')
        || n == 21) {
      return Instant.parse(t);
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    int nanos = 0;
    if (n > 20) {
      int fraction = digits(t, 20, n - 1);
      nanos = fraction;
      for (int i = n - 1 - 20; i < 9; i++) {
        nanos *= 10;
      }
      if (fraction < 0) {
        nanos = -1;
      }
    }
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || nanos < 0) {
      return Instant.parse(t);
    }
    try {
      long days = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    } catch (java.time.DateTimeException e) {
      throw new DateTimeParseException(e.getMessage(), t, 0, e);
    }
  }

  /** The decimal number in [from, to), or -1 when a character is not a digit. */
  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
