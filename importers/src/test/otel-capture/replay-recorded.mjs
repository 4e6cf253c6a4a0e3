// Turns a recording of real requests (app/src/demo/checkout/otel_record.py: one JSON line per
// request with its measured times, statements and outside calls) into OTLP JSON with OpenTelemetry
// JS's own OTLP/HTTP exporter, as OpenTelemetry Python's Django, psycopg2 and requests
// instrumentations name and attribute their spans (their default, older semantic conventions:
// http.method, http.route, http.target, http.status_code; db.system, db.statement; http.url).
// The spans keep the recorded start and end times.
// Run: npm ci && node replay-recorded.mjs <recording.jsonl> <traces.jsonl>
import fs from "node:fs";
import { trace, context, SpanKind } from "@opentelemetry/api";
import { startCapture } from "./otlp-receiver.mjs";

const [input, out] = process.argv.slice(2);
const { provider, finish } = await startCapture({ batch: true });
const django = provider.getTracer("opentelemetry.instrumentation.django", "0.48b0");
const psycopg2 = provider.getTracer("opentelemetry.instrumentation.psycopg2", "0.48b0");
const requestsLib = provider.getTracer("opentelemetry.instrumentation.requests", "0.48b0");

const lines = fs.readFileSync(input, "utf8").split("\n").filter((l) => l.trim());
for (const line of lines) {
  const r = JSON.parse(line);
  const server = django.startSpan(r.route ? `${r.method} ${r.route}` : r.method, {
    kind: SpanKind.SERVER,
    startTime: r.start,
    attributes: {
      "http.method": r.method,
      ...(r.route ? { "http.route": r.route } : {}),
      "http.target": r.path,
      "http.scheme": "http",
    },
  });
  const ctx = trace.setSpan(context.active(), server);
  for (const s of r.statements) {
    const db = psycopg2.startSpan(s.sql.trim().split(/\s+/)[0].toUpperCase(), {
      kind: SpanKind.CLIENT,
      startTime: s.start,
      attributes: { "db.system": "postgresql", "db.name": "ledgerly", "db.statement": s.sql },
    }, ctx);
    db.end(s.end);
  }
  for (const c of r.calls) {
    const call = requestsLib.startSpan(c.method, {
      kind: SpanKind.CLIENT,
      startTime: c.start,
      attributes: { "http.method": c.method, "http.url": c.url, "http.status_code": c.status },
    }, ctx);
    call.end(c.end);
  }
  server.setAttribute("http.status_code", r.status);
  server.end(r.end);
}
await finish(out);
