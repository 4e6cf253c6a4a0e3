package dev.auditworkbench.importers.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
    sink.recordRead();
    if (!"LOG".equals(severity)) {
      return;
    }
    if (message.startsWith("duration: ")) {
      int ms = message.indexOf(" ms", 10);
      if (ms < 0) {
        sink.warn(line, "duration without \"ms\"");
        return;
      }
      double duration;
      try {
        duration = Double.parseDouble(message.substring(10, ms));
      } catch (NumberFormatException e) {
        sink.warn(line, "unreadable duration: " + message.substring(10, ms));
        return;
      }
      String rest = message.substring(ms + 3).stripLeading();
      if (rest.isEmpty()) {
        Pending p = pending.remove(session);
        if (p != null) {
          emit(p.line, endMs, duration, p.sql, session);
        }
      } else if (rest.startsWith("statement: ")) {
        flushPending(session);
        emit(line, endMs, duration, rest.substring(11), session);
      } else if (rest.startsWith("execute ")) {
        int colon = rest.indexOf(": ");
        if (colon > 0) {
          flushPending(session);
          emit(line, endMs, duration, rest.substring(colon + 2), session);
        }
      } else if (rest.startsWith("plan:")) {
        plan(line, duration, rest.substring(5).strip());
      }
      // parse/bind phases and fast-path calls carry no statement of their own
    } else if (message.startsWith("statement: ")) {
      flushPending(session);
      pending.put(session, new Pending(line, endMs, message.substring(11)));
    } else if (message.startsWith("execute ") && message.indexOf(": ") > 0) {
      flushPending(session);
      pending.put(session, new Pending(line, endMs, message.substring(message.indexOf(": ") + 2)));
    } else if (message.startsWith("disconnection: ")
        || message.startsWith("connection received: ")) {
      flushPending(session);
      sink.endSession(session);
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

  private void plan(long line, double duration, String body) {
    if (body.startsWith("{")) {
      try {
        JsonNode node = JSON.readTree(body);
        String sql = node.path("Query Text").asText("");
        if (node.has("Plan")) {
          sink.plan(sql, duration, body, line);
        }
      } catch (JsonProcessingException e) {
        sink.warn(line, "auto_explain plan is not valid JSON: " + e.getOriginalMessage());
      }
    } else if (body.startsWith("Query Text:")) {
      int nl = body.indexOf('\n');
      String sql = nl < 0 ? body.substring(11) : body.substring(11, nl);
      sink.plan(sql.strip(), duration, nl < 0 ? "" : body.substring(nl + 1), line);
    } else {
      sink.warn(
          line,
          "auto_explain plan without its query text (set auto_explain.log_format and keep Query Text)");
    }
  }

  private record Pending(long line, long endMs, String sql) {}
}
