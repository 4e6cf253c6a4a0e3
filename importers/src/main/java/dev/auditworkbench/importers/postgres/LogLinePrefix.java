package dev.auditworkbench.importers.postgres;

import dev.auditworkbench.importers.common.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log_line_prefix given by the user (postgresql.conf's value, e.g. {@code '%m [%p] %q%u@%d '}),
 * compiled to a pattern for the lines whose prefix is too unusual to find the time and session in.
 * Escapes: %m %t %n (time), %p (pid), %c (session id), %l %u %d %a %r %h %e %x %v %i %b %s %Q %L %P
 * %k (read and skipped), %q (the rest only for session processes), %% (a percent sign).
 */
final class LogLinePrefix {
  private enum Part {
    TIME,
    EPOCH,
    PID,
    SESSION
  }

  private final Pattern pattern;
  private final List<Part> parts;

  private LogLinePrefix(Pattern pattern, List<Part> parts) {
    this.pattern = pattern;
    this.parts = parts;
  }

  static LogLinePrefix compile(String prefix) {
    String p =
        prefix.length() >= 2 && prefix.startsWith("'") && prefix.endsWith("'")
            ? prefix.substring(1, prefix.length() - 1)
            : prefix;
    StringBuilder regex = new StringBuilder("^");
    List<Part> parts = new ArrayList<>();
    int optional = 0;
    boolean time = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c != '%' || i + 1 == p.length()) {
        regex.append(Pattern.quote(String.valueOf(c)));
        continue;
      }
      char e = p.charAt(++i);
      switch (e) {
        case 'm', 't' -> {
          regex.append(
              "(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?: [A-Za-z0-9+:-]+)?)");
          parts.add(Part.TIME);
          time = true;
        }
        case 'n' -> {
          regex.append("(\\d+\\.\\d+)");
          parts.add(Part.EPOCH);
          time = true;
        }
        case 'p' -> {
          regex.append("(\\d+)");
          parts.add(Part.PID);
        }
        case 'c' -> {
          regex.append("([0-9a-f]+\\.[0-9a-f]+)");
          parts.add(Part.SESSION);
        }
        case 'l', 'x', 'P' -> regex.append("\\d*");
        case 'q' -> {
          regex.append("(?:");
          optional++;
        }
        case '%' -> regex.append('%');
        case 'u', 'd', 'a', 'r', 'h', 'e', 'v', 'i', 'b', 's', 'Q', 'L', 'k' -> regex.append(".*?");
        default ->
            throw new IllegalArgumentException(
                "unknown log_line_prefix escape %" + e + " in '" + prefix + "'");
      }
    }
    regex.append(")?".repeat(optional));
    if (!time) {
      throw new IllegalArgumentException(
          "the log_line_prefix '"
              + prefix
              + "' has no time stamp (%m, %t or %n):"
              + " statements cannot be placed in time or grouped into requests");
    }
    regex.append(
        "(LOG|ERROR|WARNING|FATAL|PANIC|STATEMENT|DETAIL|HINT|CONTEXT|NOTICE|INFO|QUERY|LOCATION|DEBUG[1-5]):  ");
    return new LogLinePrefix(Pattern.compile(regex.toString()), parts);
  }

  /**
   * Time, session, severity and where the message starts; null when the line does not start with
   * the prefix.
   */
  Entry read(String line, Timestamps ts) {
    Matcher m = pattern.matcher(line);
    if (!m.lookingAt()) {
      return null;
    }
    long at = -1;
    String pid = null;
    String session = null;
    for (int g = 0; g < parts.size(); g++) {
      String v = m.group(g + 1);
      if (v == null) {
        continue;
      }
      switch (parts.get(g)) {
        case TIME -> at = ts.isoLike(v, 0, null);
        case EPOCH -> at = Math.round(Double.parseDouble(v) * 1000);
        case PID -> pid = v;
        case SESSION -> session = v;
      }
    }
    if (at < 0) {
      return null;
    }
    return new Entry(at, session != null ? session : pid, m.group(parts.size() + 1), m.end());
  }

  record Entry(long at, String session, String severity, int messageStart) {}
}
