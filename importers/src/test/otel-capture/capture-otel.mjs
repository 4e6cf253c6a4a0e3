// Writes OTLP JSON traces with OpenTelemetry JS's own OTLP/HTTP exporter (JSON encoding): a local
// receiver on 127.0.0.1 keeps each POST /v1/traces body, one per line, as an OTLP file exporter
// would. The spans are the demo's request shapes (the Ledgerly invoice list with its N+1, and the
// correct API view), with Django-instrumentation attributes and explicit times, so the output is
// the same on every run (but the random trace and span ids).
// Run: npm ci && node capture-otel.mjs ../resources/samples/otel/traces.jsonl
import http from "node:http";
import fs from "node:fs";
import { trace, context, SpanKind } from "@opentelemetry/api";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";

const out = process.argv[2] ?? "traces.jsonl";
const bodies = [];
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    bodies.push(JSON.stringify(JSON.parse(body)));
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{}");
  });
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/v1/traces`;

const provider = new BasicTracerProvider({
  resource: resourceFromAttributes({ "service.name": "ledgerly", "deployment.environment": "demo" }),
  spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url }))],
});
const tracer = provider.getTracer("opentelemetry.instrumentation.django", "0.48b0");

const base = Date.UTC(2026, 10, 24, 10, 0, 0); // 2026-11-24T10:00:00Z
const CUSTOMER = 'SELECT "customers_customer"."id", "customers_customer"."name" FROM "customers_customer" WHERE "customers_customer"."id" = %s LIMIT 21';
const LINES = 'SELECT COUNT(*) AS "__count" FROM "invoices_invoiceline" WHERE "invoices_invoiceline"."invoice_id" = %s';

function request(at, route, path, durationMs, statements) {
  const server = tracer.startSpan(`GET ${route}`, {
    kind: SpanKind.SERVER,
    startTime: at,
    attributes: { "http.request.method": "GET", "http.route": route, "url.path": path, "http.response.status_code": 200 },
  });
  const ctx = trace.setSpan(context.active(), server);
  let t = at + 2;
  for (const [sql, ms] of statements) {
    const db = tracer.startSpan("SELECT", {
      kind: SpanKind.CLIENT,
      startTime: t,
      attributes: { "db.system": "postgresql", "db.name": "ledgerly", "db.statement": sql },
    }, ctx);
    db.end(t + ms);
    t += ms + 1;
  }
  server.setAttribute("http.response.status_code", 200);
  server.end(at + durationMs);
}

const list = [['SELECT "invoices_invoice"."id" FROM "invoices_invoice" ORDER BY "invoices_invoice"."issued_at" DESC LIMIT 6', 3]];
for (let i = 1; i <= 6; i++) {
  list.push([CUSTOMER, 1], [LINES, 1]);
}
request(base, "invoices/", "/invoices/", 60, list);
request(base + 1000, "api/v1/invoices/fast/", "/api/v1/invoices/fast/", 20, [
  ['SELECT "invoices_invoice"."id", "customers_customer"."name" FROM "invoices_invoice" INNER JOIN "customers_customer" ON ("invoices_invoice"."customer_id" = "customers_customer"."id") LIMIT 50', 4],
  ['SELECT "invoices_invoiceline"."invoice_id" FROM "invoices_invoiceline" WHERE "invoices_invoiceline"."invoice_id" IN (1, 2, 3)', 2],
]);
await provider.forceFlush();
await provider.shutdown();
server.close();
fs.writeFileSync(out, bodies.join("\n") + "\n");
console.log(`${out}: ${bodies.length} export requests`);
