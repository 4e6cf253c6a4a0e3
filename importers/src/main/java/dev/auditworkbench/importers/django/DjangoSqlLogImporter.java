package dev.auditworkbench.importers.django;

import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.QueryEvent;
import dev.auditworkbench.importers.common.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Django's {@code django.db.backends} debug log: "(0.002) SELECT ...; args=(...)" (Django 3.x) or
 * "...; args=(...); alias=default" (4.0+), after whatever the logging formatter puts first; a time
 * stamp there ("2026-11-24 10:14:29,585", asctime) gives each statement its time. Statements may
 * span lines. The log has no request ids: a statement starting more than {@link #GAP_MS} after the
 * previous one ended opens a new request window (one worker process writing the log). When the
 * development server's own lines are in the same log ({@code django.server}: {@code "GET /path
 * HTTP/1.1" 200 1234}, written when a response is sent), they are the request boundaries instead:
 * the statements since the previous one are that request's window, named by its method and path.
 */
public final class DjangoSqlLogImporter implements Importer {
  static final String FORMAT = "Django SQL debug log (django.db.backends)";

  /** Idle time that separates two requests in a single-process log. */
  public static final long GAP_MS = 4;

  private static final Pattern ENTRY = Pattern.compile("^(.*?)\\((\\d+\\.\\d{3})\\) (.*)$");

  /**
   * A django.server line: the request line, the status and the size, after the formatter's prefix.
   */
  private static final Pattern SERVER =
      Pattern.compile(
          "\"(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|CONNECT) (\\S+) HTTP/[0-9.]+\" (\\d{3}) (\\d+|-)\\s*$");

  /** How far ahead the reader looks for django.server lines before reading the first statement. */
  private static final int LOOK_AHEAD_CHARS = 1 << 20;

  @Override
  public String id() {
    return "django-sql-log";
  }

  @Override
  public String displayName() {
    return "Django SQL log";
  }

  @Override
  public String tool() {
    return "django";
  }

  @Override
  public String description() {
    return "Django's django.db.backends debug log: every statement with its time, for statistics and N+1 windows.";
  }

  @Override
  public double detect(FileSample sample) {
    if (sample.binary()) {
      return 0;
    }
    long entries =
        sample
            .head()
            .lines()
            .limit(200)
            .filter(l -> l.contains("; args=") && ENTRY.matcher(l).matches())
            .count();
    return entries > 0 && (sample.head().contains("django.db.backends") || entries >= 3) ? 0.9 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    Timestamps ts = new Timestamps();
    long entries = 0;
    Window window = new Window();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8), 1 << 16)) {
      window.boundaries = serverLinesAhead(r);
      String text;
      long n = 0;
      Pending pending = null;
      while ((text = r.readLine()) != null) {
        n++;
        Matcher server = text.indexOf(" HTTP/") > 0 ? SERVER.matcher(text) : null;
        if (server != null && server.find()) {
          if (pending != null) {
            entries += emit(pending, sink, window, input, ts);
            pending = null;
          }
          window.boundaries = true;
          if (window.statements > 0) {
            String path = server.group(2);
            int q = path.indexOf('?');
            sink.sessionRoute(
                "django-" + window.id,
                server.group(1) + " " + (q < 0 ? path : path.substring(0, q)));
            sink.endSession("django-" + window.id);
            window.statements = 0;
            window.closed = true;
          }
          continue;
        }
        Matcher m = text.indexOf(") ") > 0 ? ENTRY.matcher(text) : null;
        if (m != null && m.matches() && !m.group(1).contains("; args=")) {
          if (pending != null) {
            entries += emit(pending, sink, window, input, ts);
          }
          pending =
              new Pending(
                  n,
                  m.group(1),
                  Double.parseDouble(m.group(2)) * 1000,
                  new StringBuilder(m.group(3)));
        } else if (pending != null) {
          pending.sql.append('\n').append(text);
        } else if (!text.isBlank()) {
          sink.warn(
              n,
              "not a django.db.backends entry: "
                  + (text.length() > 80 ? text.substring(0, 80) + "..." : text));
        }
      }
      if (pending != null) {
        entries += emit(pending, sink, window, input, ts);
      }
    }
    if (entries == 0) {
      throw BadInputException.atLine(
          input.path(), 1, FORMAT, "no \"(seconds) SQL; args=...\" entry found");
    }
    if (window.id > 0 && !window.closed) {
      sink.endSession("django-" + window.id);
    }
  }

  /**
   * Whether django.server lines come within the first megabyte; the reader is put back where it
   * was.
   */
  private static boolean serverLinesAhead(BufferedReader r) throws IOException {
    r.mark(LOOK_AHEAD_CHARS);
    try {
      char[] buf = new char[LOOK_AHEAD_CHARS];
      int len = 0;
      for (int got; len < buf.length && (got = r.read(buf, len, buf.length - len)) > 0; ) {
        len += got;
      }
      for (String line : new String(buf, 0, len).split("\n")) {
        if (line.indexOf(" HTTP/") > 0 && SERVER.matcher(line.strip()).find()) {
          return true;
        }
      }
      return false;
    } finally {
      r.reset();
    }
  }

  private static int emit(
      Pending p, FindingSink sink, Window window, ImportInput input, Timestamps ts)
      throws BadInputException {
    String body = p.sql.toString();
    int args = body.lastIndexOf("; args=");
    if (args < 0) {
      throw BadInputException.atLine(
          input.path(), p.line, FORMAT, "a statement without \"; args=\"");
    }
    String sql = body.substring(0, args);
    long end = -1;
    for (int i = 0; i + 19 <= p.prefix.length() && end < 0; i++) {
      if (Character.isDigit(p.prefix.charAt(i))
          && (i == 0 || !Character.isDigit(p.prefix.charAt(i - 1)))) {
        end = ts.isoLike(p.prefix, i, null);
      }
    }
    String session = null;
    if (window.boundaries) {
      if (window.id == 0 || window.closed) {
        window.id++;
        window.closed = false;
      }
      window.statements++;
      session = "django-" + window.id;
    } else if (end >= 0) {
      long start = end - Math.round(p.durationMs);
      if (window.id == 0 || start - window.lastEnd > GAP_MS) {
        if (window.id > 0) {
          sink.endSession("django-" + window.id);
        }
        window.id++;
      }
      window.lastEnd = Math.max(window.lastEnd, end);
      window.statements++;
      session = "django-" + window.id;
    }
    sink.recordRead();
    sink.query(new QueryEvent(end, p.durationMs, sql, session, -1, p.line));
    return 1;
  }

  private record Pending(long line, String prefix, double durationMs, StringBuilder sql) {}

  private static final class Window {
    long id;
    long lastEnd;

    /** django.server lines end the windows (else idle gaps do). */
    boolean boundaries;

    /** Statements in the open window. */
    long statements;

    /** The window was ended by a django.server line: the next statement opens another. */
    boolean closed;
  }
}
