package dev.auditworkbench.importers.otel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.HttpEvent;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.QueryEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenTelemetry traces in OTLP JSON (an ExportTraceServiceRequest: resourceSpans, scopeSpans,
 * spans), one request per file or one per line as the file exporter writes them. Database spans
 * (db.statement, or db.query.text in the newer conventions) become statements grouped by trace id;
 * server spans give the trace's route (http.route) and a request with its latency. HTTP client
 * spans (span kind CLIENT with http.url/url.full or server.address/net.peer.name, as the requests,
 * urllib3 and httpx instrumentations write them) inside a route's traces give, per route and
 * outside host, the calls, their p95 and the share of the route's time spent waiting on that host
 * (outbound.measured findings, placed on the route's view). A trace's spans may be spread over the
 * file, so spans are kept until the end (a trace export, not a log).
 */
public final class OtlpJsonImporter implements Importer {
  static final String FORMAT = "OTLP JSON traces";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String id() {
    return "otlp-json";
  }

  @Override
  public String displayName() {
    return "OpenTelemetry traces (OTLP JSON)";
  }

  @Override
  public String tool() {
    return "opentelemetry";
  }

  @Override
  public String description() {
    return "OpenTelemetry traces as OTLP JSON: database spans per request, routes and request latency, time spent waiting on outside hosts.";
  }

  @Override
  public double detect(FileSample sample) {
    if (sample.binary()) {
      return 0;
    }
    String head = sample.trimmedHead();
    return head.startsWith("{") && head.contains("\"resourceSpans\"") ? 0.95 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    Map<String, Trace> traces = new LinkedHashMap<>();
    long spans = 0;
    try (InputStream in = input.open();
        MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(in)) {
      while (it.hasNextValue()) {
        long line = it.getCurrentLocation() == null ? 0 : it.getCurrentLocation().getLineNr();
        JsonNode request = it.nextValue();
        if (!request.has("resourceSpans")) {
          throw BadInputException.atLine(
              input.path(), line, FORMAT, "an object without \"resourceSpans\"");
        }
        for (JsonNode rs : request.get("resourceSpans")) {
          for (JsonNode ss :
              rs.path("scopeSpans").isMissingNode()
                  ? rs.path("instrumentationLibrarySpans")
                  : rs.path("scopeSpans")) {
            for (JsonNode span : ss.path("spans")) {
              spans++;
              sink.recordRead();
              read(span, traces, sink, line);
            }
          }
        }
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw BadInputException.atLine(
          input.path(), line, FORMAT, "malformed JSON: " + e.getOriginalMessage());
    } catch (RuntimeException e) {
      if (e.getCause() instanceof JsonProcessingException j) {
        long line = j.getLocation() == null ? 0 : j.getLocation().getLineNr();
        throw BadInputException.atLine(
            input.path(), line, FORMAT, "malformed JSON: " + j.getOriginalMessage());
      }
      throw e;
    }
    if (spans == 0) {
      throw BadInputException.whole(input.path(), FORMAT, "no span found");
    }
    for (Map.Entry<String, Trace> e : traces.entrySet()) {
      Trace t = e.getValue();
      if (t.route != null) {
        sink.sessionRoute(e.getKey(), t.route);
      }
      t.queries.sort(Comparator.comparingLong(QueryEvent::endMs));
      t.queries.forEach(sink::query);
      sink.endSession(e.getKey());
    }
    OutboundWaits.report(traces.values(), sink);
  }

  private static void read(JsonNode span, Map<String, Trace> traces, FindingSink sink, long line) {
    String traceId = span.path("traceId").asText("");
    Map<String, String> attrs = new LinkedHashMap<>();
    for (JsonNode a : span.path("attributes")) {
      JsonNode v = a.path("value");
      String value =
          v.has("stringValue")
              ? v.get("stringValue").asText()
              : v.has("intValue")
                  ? v.get("intValue").asText()
                  : v.has("doubleValue") ? v.get("doubleValue").asText() : null;
      if (value != null) {
        attrs.put(a.path("key").asText(), value);
      }
    }
    long startNs = nanos(span.path("startTimeUnixNano"));
    long endNs = nanos(span.path("endTimeUnixNano"));
    double durationMs = (endNs - startNs) / 1e6;
    Trace trace = traces.computeIfAbsent(traceId, k -> new Trace());
    String sql = attrs.getOrDefault("db.query.text", attrs.get("db.statement"));
    if (sql != null) {
      trace.queries.add(new QueryEvent(endNs / 1_000_000, durationMs, sql, traceId, -1, line));
      return;
    }
    JsonNode kind = span.path("kind");
    boolean server = kind.asInt(-1) == 2 || "SPAN_KIND_SERVER".equals(kind.asText());
    boolean client = kind.asInt(-1) == 3 || "SPAN_KIND_CLIENT".equals(kind.asText());
    if (client) {
      String host = OutboundWaits.host(attrs);
      if (host != null) {
        trace.outbound.add(new OutboundWaits.Call(host, durationMs));
      }
      return;
    }
    if (server) {
      trace.serverMs = durationMs;
      String route = attrs.get("http.route");
      String method =
          attrs.getOrDefault("http.request.method", attrs.getOrDefault("http.method", "GET"));
      String path =
          attrs.getOrDefault(
              "url.path", attrs.getOrDefault("http.target", route == null ? "/" : route));
      int q = path.indexOf('?');
      int status =
          Integer.parseInt(
              attrs.getOrDefault(
                  "http.response.status_code", attrs.getOrDefault("http.status_code", "0")));
      if (route != null) {
        trace.route = method + " " + (route.startsWith("/") ? route : "/" + route);
      }
      sink.request(
          new HttpEvent(
              endNs / 1_000_000,
              1,
              durationMs,
              method,
              q < 0 ? path : path.substring(0, q),
              route,
              status));
    }
  }

  private static long nanos(JsonNode n) {
    return n.isNumber() ? n.asLong() : Long.parseLong(n.asText("0"));
  }

  static final class Trace {
    String route;
    double serverMs = -1;
    final List<QueryEvent> queries = new ArrayList<>();
    final List<OutboundWaits.Call> outbound = new ArrayList<>();
  }
}
