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
 * span lines. The log has no request ids: a statement starting more than {@link #GAP_MS} after
 * the previous one ended opens a new request window (one worker process writing the log).
 */
public final class DjangoSqlLogImporter implements Importer {
  static final String FORMAT = "Django SQL debug log (django.db.backends)";
  /** Idle time that separates two requests in a single-process log. */
  public static final long GAP_MS = 4;
  private static final Pattern ENTRY = Pattern.compile("^(.*?)\\((\\d+\\.\\d{3})\\) (.*)$");

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
    long entries = sample.head().lines().limit(200)
        .filter(l -> l.contains("; args=") && ENTRY.matcher(l).matches()).count();
    return entries > 0 && (sample.head().contains("django.db.backends") || entries >= 3) ? 0.9 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    Timestamps ts = new Timestamps();
    long entries = 0;
    Window window = new Window();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8), 1 << 16)) {
      String text;
      long n = 0;
      Pending pending = null;
      while ((text = r.readLine()) != null) {
        n++;
        Matcher m = text.indexOf(") ") > 0 ? ENTRY.matcher(text) : null;
        if (m != null && m.matches() && !m.group(1).contains("; args=")) {
          if (pending != null) {
            entries += emit(pending, sink, window, input, ts);
          }
          pending = new Pending(n, m.group(1), Double.parseDouble(m.group(2)) * 1000, new StringBuilder(m.group(3)));
        } else if (pending != null) {
          pending.sql.append('\n').append(text);
        } else if (!text.isBlank()) {
          sink.warn(n, "not a django.db.backends entry: " + (text.length() > 80 ? text.substring(0, 80) + "..." : text));
        }
      }
      if (pending != null) {
        entries += emit(pending, sink, window, input, ts);
      }
    }
    if (entries == 0) {
      throw BadInputException.atLine(input.path(), 1, FORMAT, "no \"(seconds) SQL; args=...\" entry found");
    }
    if (window.id > 0) {
      sink.endSession("django-" + window.id);
    }
  }

  private static int emit(Pending p, FindingSink sink, Window window, ImportInput input, Timestamps ts)
      throws BadInputException {
    String body = p.sql.toString();
    int args = body.lastIndexOf("; args=");
    if (args < 0) {
      throw BadInputException.atLine(input.path(), p.line, FORMAT, "a statement without \"; args=\"");
    }
    String sql = body.substring(0, args);
    long end = -1;
    for (int i = 0; i + 19 <= p.prefix.length() && end < 0; i++) {
      if (Character.isDigit(p.prefix.charAt(i)) && (i == 0 || !Character.isDigit(p.prefix.charAt(i - 1)))) {
        end = ts.isoLike(p.prefix, i, null);
      }
    }
    String session = null;
    if (end >= 0) {
      long start = end - Math.round(p.durationMs);
      if (window.id == 0 || start - window.lastEnd > GAP_MS) {
        if (window.id > 0) {
          sink.endSession("django-" + window.id);
        }
        window.id++;
      }
      window.lastEnd = Math.max(window.lastEnd, end);
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
  }
}
