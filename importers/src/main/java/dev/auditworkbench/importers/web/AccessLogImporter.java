package dev.auditworkbench.importers.web;

import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.HttpEvent;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.importers.common.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nginx and Apache access logs in the common or combined format with the request time appended:
 * nginx's {@code $request_time} (seconds with a decimal point, optionally followed by {@code
 * $upstream_response_time}) or Apache's {@code %D} (whole microseconds). Lines without a request
 * time still count as traffic. Other layouts: the option {@code log_format} takes nginx's
 * log_format string or Apache's LogFormat ({@code workbench import --log-format '...'}); see {@link
 * AccessLogFormat}.
 */
public final class AccessLogImporter implements Importer {
  static final String FORMAT = "access log (common/combined + request time)";

  /** The option holding an nginx log_format or Apache LogFormat string. */
  public static final String LOG_FORMAT_OPTION = "log_format";

  private static final Pattern LINE =
      Pattern.compile(
          "^(\\S+) \\S+ \\S+ \\[([^\\]]+)\\] \"(\\S+) (\\S+)[^\"]*\" (\\d{3}) (\\S+)(?: \"(?:[^\"\\\\]|\\\\.)*\" \"(?:[^\"\\\\]|\\\\.)*\")?(.*)$");

  @Override
  public String id() {
    return "access-log";
  }

  @Override
  public String displayName() {
    return "Web access log (nginx/Apache)";
  }

  @Override
  public String tool() {
    return "access-log";
  }

  @Override
  public String description() {
    return "nginx or Apache access log (combined format with request time): per-route latency and traffic.";
  }

  @Override
  public double detect(FileSample sample) {
    if (sample.binary()) {
      return 0;
    }
    long lines = sample.head().lines().limit(100).filter(l -> !l.isBlank()).count();
    long matching = sample.head().lines().limit(100).filter(l -> LINE.matcher(l).matches()).count();
    return lines > 0 && matching * 10 >= lines * 9 ? 0.85 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    Timestamps ts = new Timestamps();
    long requests = 0;
    long bad = 0;
    AccessLogFormat layout = null;
    String given = input.options().get(LOG_FORMAT_OPTION);
    if (given != null) {
      try {
        layout = AccessLogFormat.compile(given);
      } catch (IllegalArgumentException e) {
        throw BadInputException.whole(input.path(), FORMAT, e.getMessage());
      }
    }
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8), 1 << 16)) {
      String text;
      long n = 0;
      while ((text = r.readLine()) != null) {
        n++;
        if (text.isBlank()) {
          continue;
        }
        if (layout != null) {
          HttpEvent e = layout.parse(text);
          if (e == null) {
            if (requests == 0 && ++bad >= 20) {
              break;
            }
            sink.warn(
                n,
                "not in the given log format: "
                    + (text.length() > 80 ? text.substring(0, 80) + "..." : text));
            continue;
          }
          requests++;
          sink.recordRead();
          sink.request(e);
          continue;
        }
        Matcher m = LINE.matcher(text);
        long end = m.matches() ? ts.common(m.group(2)) : -1;
        if (end < 0) {
          if (requests == 0 && ++bad >= 20) {
            break;
          }
          sink.warn(
              n,
              "not an access log line: "
                  + (text.length() > 80 ? text.substring(0, 80) + "..." : text));
          continue;
        }
        requests++;
        sink.recordRead();
        String path = m.group(4);
        int q = path.indexOf('?');
        sink.request(
            new HttpEvent(
                end,
                1000,
                duration(m.group(7)),
                m.group(3),
                q < 0 ? path : path.substring(0, q),
                null,
                Integer.parseInt(m.group(5))));
      }
    }
    if (requests == 0) {
      throw BadInputException.atLine(
          input.path(),
          1,
          given != null ? "access log in the layout " + given : FORMAT,
          given != null
              ? "no line in the given layout"
              : "no line in the common/combined format (ip - user [time] \"GET /path HTTP/1.1\" status bytes ...)");
    }
  }

  /** The request time in milliseconds from what follows the combined fields, or -1. */
  public static double duration(String rest) {
    for (String token : rest.trim().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      try {
        if (token.contains(".")) {
          return Double.parseDouble(token) * 1000;
        }
        return Long.parseLong(token) / 1000.0;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }
}
