package dev.auditworkbench.importers.web;

import dev.auditworkbench.engine.spi.HttpEvent;
import dev.auditworkbench.importers.common.Timestamps;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An access-log layout given as nginx's {@code log_format} string ({@code $remote_addr -
 * $remote_user [$time_local] "$request" $status ... $request_time}) or Apache's {@code LogFormat}
 * ({@code %h %l %u %t "%r" %>s %b %D}), compiled to a pattern. Understood: the time ($time_local,
 * $time_iso8601, $msec to the millisecond; %t), the request ($request, or $request_method with
 * $request_uri or $uri; %r, or %m with %U), the status ($status, %>s, %s) and the request time
 * ($request_time in seconds; %D in microseconds, %T in seconds, %{ms}T, %{us}T); anything else is
 * skipped.
 */
final class AccessLogFormat {
  private enum Field {
    TIME_LOCAL,
    TIME_ISO,
    MSEC,
    REQUEST,
    METHOD,
    URI,
    STATUS,
    SECONDS,
    MICROS,
    MILLIS,
    OTHER
  }

  private final Pattern pattern;
  private final List<Field> fields;
  private final Timestamps ts = new Timestamps();

  private AccessLogFormat(Pattern pattern, List<Field> fields) {
    this.pattern = pattern;
    this.fields = fields;
  }

  /** Compiles a layout; throws IllegalArgumentException naming what is missing. */
  static AccessLogFormat compile(String format) {
    StringBuilder regex = new StringBuilder("^");
    List<Field> fields = new ArrayList<>();
    int i = 0;
    StringBuilder literal = new StringBuilder();
    while (i < format.length()) {
      char c = format.charAt(i);
      Field field = null;
      String group = null;
      int next = i + 1;
      if (c == '$'
          && i + 1 < format.length()
          && (Character.isLetter(format.charAt(i + 1)) || format.charAt(i + 1) == '{')) {
        int start = i + 1;
        boolean braced = format.charAt(start) == '{';
        int j = braced ? format.indexOf('}', start) : start;
        if (!braced) {
          while (j < format.length()
              && (Character.isLetterOrDigit(format.charAt(j)) || format.charAt(j) == '_')) {
            j++;
          }
        }
        String name = braced ? format.substring(start + 1, j) : format.substring(start, j);
        next = braced ? j + 1 : j;
        switch (name) {
          case "time_local" -> {
            field = Field.TIME_LOCAL;
            group = "[^\\]]+";
          }
          case "time_iso8601" -> {
            field = Field.TIME_ISO;
            group = "\\S+";
          }
          case "msec" -> {
            field = Field.MSEC;
            group = "\\d+\\.\\d+";
          }
          case "request" -> {
            field = Field.REQUEST;
            group = "[^\"]*";
          }
          case "request_method" -> {
            field = Field.METHOD;
            group = "[A-Z]+";
          }
          case "request_uri", "uri" -> {
            field = Field.URI;
            group = "\\S+";
          }
          case "status" -> {
            field = Field.STATUS;
            group = "\\d{3}";
          }
          case "request_time" -> {
            field = Field.SECONDS;
            group = "[0-9.]+|-";
          }
          default -> {
            field = Field.OTHER;
            group = ".*?";
          }
        }
      } else if (c == '%' && i + 1 < format.length()) {
        int j = i + 1;
        String arg = null;
        if (format.charAt(j) == '>' || format.charAt(j) == '<') {
          j++;
        }
        if (format.charAt(j) == '{') {
          int close = format.indexOf('}', j);
          arg = format.substring(j + 1, close);
          j = close + 1;
        }
        char d = format.charAt(j);
        next = j + 1;
        switch (d) {
          case 't' -> {
            field = Field.TIME_LOCAL;
            group = "[^\\]]+";
            regex.append(Pattern.quote(flush(literal))).append("\\[");
            literal.setLength(0);
          }
          case 'r' -> {
            field = Field.REQUEST;
            group = "[^\"]*";
          }
          case 'm' -> {
            field = Field.METHOD;
            group = "[A-Z]+";
          }
          case 'U' -> {
            field = Field.URI;
            group = "\\S+";
          }
          case 's' -> {
            field = Field.STATUS;
            group = "\\d{3}";
          }
          case 'D' -> {
            field = Field.MICROS;
            group = "\\d+";
          }
          case 'T' -> {
            field =
                "ms".equals(arg) ? Field.MILLIS : "us".equals(arg) ? Field.MICROS : Field.SECONDS;
            group = "[0-9.]+";
          }
          default -> {
            field = Field.OTHER;
            group = ".*?";
          }
        }
        if (d == 't') {
          regex.append('(').append(group).append(")\\]");
          fields.add(field);
          i = next;
          continue;
        }
      }
      if (field == null) {
        literal.append(c);
        i++;
        continue;
      }
      regex.append(Pattern.quote(flush(literal)));
      literal.setLength(0);
      regex.append('(').append(group).append(')');
      fields.add(field);
      i = next;
    }
    regex.append(Pattern.quote(flush(literal))).append("\\s*$");
    boolean time =
        fields.contains(Field.TIME_LOCAL)
            || fields.contains(Field.TIME_ISO)
            || fields.contains(Field.MSEC);
    boolean request = fields.contains(Field.REQUEST) || fields.contains(Field.URI);
    if (!time || !request || !fields.contains(Field.STATUS)) {
      throw new IllegalArgumentException(
          "the log format needs a time ($time_local, $time_iso8601, $msec or %t), the"
              + " request ($request, $request_uri or %r) and the status ($status or %>s): "
              + format);
    }
    return new AccessLogFormat(Pattern.compile(regex.toString().replace("\\Q\\E", "")), fields);
  }

  private static String flush(StringBuilder literal) {
    return literal.toString();
  }

  /** The request a line holds, or null when the line does not have this layout. */
  HttpEvent parse(String line) {
    Matcher m = pattern.matcher(line);
    if (!m.matches()) {
      return null;
    }
    long end = -1;
    int precision = 1000;
    String method = "GET";
    String path = null;
    int status = 0;
    double duration = -1;
    for (int g = 0; g < fields.size(); g++) {
      String v = m.group(g + 1);
      switch (fields.get(g)) {
        case TIME_LOCAL -> end = ts.common(v);
        case TIME_ISO -> end = iso(v);
        case MSEC -> {
          end = Math.round(Double.parseDouble(v) * 1000);
          precision = 1;
        }
        case REQUEST -> {
          String[] parts = v.split(" ");
          if (parts.length >= 2) {
            method = parts[0];
            path = parts[1];
          }
        }
        case METHOD -> method = v;
        case URI -> path = v;
        case STATUS -> status = Integer.parseInt(v);
        case SECONDS -> duration = v.equals("-") ? -1 : Double.parseDouble(v) * 1000;
        case MICROS -> duration = Double.parseDouble(v) / 1000;
        case MILLIS -> duration = Double.parseDouble(v);
        default -> {}
      }
    }
    if (end < 0 || path == null) {
      return null;
    }
    int q = path.indexOf('?');
    return new HttpEvent(
        end, precision, duration, method, q < 0 ? path : path.substring(0, q), null, status);
  }

  private static long iso(String v) {
    try {
      return OffsetDateTime.parse(v).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return -1;
    }
  }
}
