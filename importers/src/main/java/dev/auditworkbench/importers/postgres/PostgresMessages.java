package dev.auditworkbench.importers.postgres;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.QueryEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * What PostgreSQL's log messages say about statements, whichever destination wrote them (stderr,
 * csvlog, jsonlog): "duration: N ms statement: ...", "duration: N ms execute name: ...", a bare
 * "duration: N ms" after "statement: ..." (log_statement with log_duration), auto_explain's
 * "duration: N ms plan:" in JSON or text, and connection and disconnection lines, which end a
 * session's request window.
 */
final class PostgresMessages {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FindingSink sink;
  private final Map<String, Pending> pending = new HashMap<>();
  private long statements;

  PostgresMessages(FindingSink sink) {
    this.sink = sink;
  }

  long statements() {
    return statements;
  }

  /** One log entry; {@code session} is the session id or pid. */
  void entry(long line, long endMs, String session, String severity, String message) {
    entry(line, endMs, session, parse(severity, message));
  }

  /** What one message says, read without the state of the log around it. */
  enum Kind {
    /** Not a statement, plan or session boundary (another severity, parse/bind phases...). */
    NOTHING,
    /** A message the log should not hold: {@code text} says why. */
    WARNING,
    /** "duration: N ms" alone: ends the session's pending "statement: ...". */
    DURATION,
    /** "duration: N ms statement: ..." or "... execute name: ...": a statement and its time. */
    TIMED_STATEMENT,
    /** "statement: ..." or "execute name: ..." with its duration to follow. */
    STATEMENT,
    /**
     * auto_explain's "duration: N ms plan:": {@code plan} the plan; {@code text} the query once the
     * plan is read ({@link #readPlan}), null before.
     */
    PLAN,
    /** "connection received: " or "disconnection: ": a session's request window ends. */
    SESSION_END
  }

  /** A message parsed: for statements {@code text} is the SQL, for plans the query's text. */
  record Parsed(Kind kind, double durationMs, String text, String plan) {
    static final Parsed NOTHING = new Parsed(Kind.NOTHING, 0, null, null);
    static final Parsed SESSION_END = new Parsed(Kind.SESSION_END, 0, null, null);

    static Parsed warning(String text) {
      return new Parsed(Kind.WARNING, 0, text, null);
    }

    static Parsed sql(Kind kind, double durationMs, String sql) {
      return new Parsed(kind, durationMs, sql, null);
    }
  }

  /**
   * Parses one message on its own, without the state of the log around it (pure: the stage that
   * does it can move between threads as their loads change); {@link #entry(long, long, String,
   * Parsed)} applies the result in order.
   */
  static Parsed parse(String severity, String message) {
    return parse(severity, message, 0);
  }

  /** {@link #parse(String, String)} of the message that starts at {@code from} in {@code text}. */
  static Parsed parse(String severity, String text, int from) {
    if (!"LOG".equals(severity)) {
      return Parsed.NOTHING;
    }
    if (text.startsWith("duration: ", from)) {
      int ms = text.indexOf(" ms", from + 10);
      if (ms < 0) {
        return Parsed.warning("duration without \"ms\"");
      }
      double duration = decimal(text, from + 10, ms);
      if (Double.isNaN(duration)) {
        try {
          duration = Double.parseDouble(text.substring(from + 10, ms));
        } catch (NumberFormatException e) {
          return Parsed.warning("unreadable duration: " + text.substring(from + 10, ms));
        }
      }
      int rest = ms + 3;
      while (rest < text.length() && Character.isWhitespace(text.charAt(rest))) {
        rest++;
      }
      if (rest == text.length()) {
        return new Parsed(Kind.DURATION, duration, null, null);
      } else if (text.startsWith("statement: ", rest)) {
        return Parsed.sql(Kind.TIMED_STATEMENT, duration, text.substring(rest + 11));
      } else if (text.startsWith("execute ", rest)) {
        int colon = text.indexOf(": ", rest);
        return colon > 0
            ? Parsed.sql(Kind.TIMED_STATEMENT, duration, text.substring(colon + 2))
            : Parsed.NOTHING;
      } else if (text.startsWith("plan:", rest)) {
        // The plan's JSON is read by entry(), on the thread that has time for it.
        return new Parsed(Kind.PLAN, duration, null, stripped(text, rest + 5));
      }
      // parse/bind phases and fast-path calls carry no statement of their own
      return Parsed.NOTHING;
    } else if (text.startsWith("statement: ", from)) {
      return Parsed.sql(Kind.STATEMENT, 0, text.substring(from + 11));
    } else if (text.startsWith("execute ", from) && text.indexOf(": ", from) > from) {
      return Parsed.sql(Kind.STATEMENT, 0, text.substring(text.indexOf(": ", from) + 2));
    } else if (text.startsWith("disconnection: ", from)
        || text.startsWith("connection received: ", from)) {
      return Parsed.SESSION_END;
    }
    return Parsed.NOTHING;
  }

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  /**
   * "1234.567" in [from, to) as Double.parseDouble reads it, or NaN for any other form (which then
   * goes to Double.parseDouble). Digits only, one optional point, at most 15 digits: the digits as
   * a whole number divided by a power of ten, both exact in a double, so the one rounding of the
   * division gives the correctly rounded value, as parseDouble does (FloatingDecimal took a tenth
   * of the reader's time on a 1 GB log).
   */
  static double decimal(String text, int from, int to) {
    if (to - from < 1 || to - from > 16) {
      return Double.NaN;
    }
    long digits = 0;
    int count = 0;
    int point = -1;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        count++;
      } else if (c == '.' && point < 0) {
        point = i;
      } else {
        return Double.NaN;
      }
    }
    if (count == 0 || count > 15) {
      return Double.NaN;
    }
    int decimals = point < 0 ? 0 : to - point - 1;
    return digits / POWERS_OF_TEN[decimals];
  }

  /** text.substring(from).strip() in one copy. */
  private static String stripped(String text, int from) {
    int a = from;
    int b = text.length();
    while (a < b && Character.isWhitespace(text.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
      b--;
    }
    return text.substring(a, b);
  }

  /** One log entry as {@link #parse} read its message. */
  void entry(long line, long endMs, String session, Parsed m) {
    sink.recordRead();
    switch (m.kind()) {
      case NOTHING -> {}
      case WARNING -> sink.warn(line, m.text());
      case DURATION -> {
        Pending p = pending.remove(session);
        if (p != null) {
          emit(p.line, endMs, m.durationMs(), p.sql, session);
        }
      }
      case TIMED_STATEMENT -> {
        flushPending(session);
        emit(line, endMs, m.durationMs(), m.text(), session);
      }
      case STATEMENT -> {
        flushPending(session);
        pending.put(session, new Pending(line, endMs, m.text()));
      }
      case PLAN -> {
        Parsed plan = readPlan(m);
        if (plan.kind() == Kind.WARNING) {
          sink.warn(line, plan.text());
        } else if (plan.kind() == Kind.PLAN) {
          sink.plan(plan.text(), plan.durationMs(), plan.plan(), line);
        }
      }
      case SESSION_END -> {
        flushPending(session);
        sink.endSession(session);
      }
    }
  }

  void finish() {
    for (String session : pending.keySet().toArray(String[]::new)) {
      flushPending(session);
    }
  }

  private void flushPending(String session) {
    Pending p = pending.remove(session);
    if (p != null) {
      emit(p.line, p.endMs, 0, p.sql, session);
    }
  }

  private void emit(long line, long endMs, double duration, String sql, String session) {
    statements++;
    sink.query(new QueryEvent(endMs, duration, sql, session, -1, line));
  }

  /** A PLAN as {@link #parse} gives it, its query text read: PLAN, WARNING or NOTHING. */
  static Parsed readPlan(Parsed m) {
    return m.kind() == Kind.PLAN && m.text() == null ? plan(m.durationMs(), m.plan()) : m;
  }

  private static Parsed plan(double duration, String body) {
    if (body.startsWith("{")) {
      // Streamed, not read into a tree (a third of the reader's time on a 1 GB log): the top
      // level's "Query Text" and whether it has a "Plan", every token still read, so a damaged
      // plan is told as readTree told it.
      try (JsonParser p = JSON.getFactory().createParser(body)) {
        p.nextToken(); // the opening brace
        String sql = "";
        boolean hasPlan = false;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals("Plan")) {
            hasPlan = true;
          } else if (name.equals("Query Text")) {
            sql =
                value.isScalarValue() && value != JsonToken.VALUE_NULL
                    ? p.getValueAsString("")
                    : "";
          }
          p.skipChildren();
        }
        return hasPlan ? new Parsed(Kind.PLAN, duration, sql, body) : Parsed.NOTHING;
      } catch (JsonProcessingException e) {
        return Parsed.warning("auto_explain plan is not valid JSON: " + e.getOriginalMessage());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e); // a string is read, not a stream: not reached
      }
    } else if (body.startsWith("Query Text:")) {
      int nl = body.indexOf('\n');
      String sql = nl < 0 ? body.substring(11) : body.substring(11, nl);
      return new Parsed(Kind.PLAN, duration, sql.strip(), nl < 0 ? "" : body.substring(nl + 1));
    }
    return Parsed.warning(
        "auto_explain plan without its query text (set auto_explain.log_format and keep Query"
            + " Text)");
  }

  private record Pending(long line, long endMs, String sql) {}
}
