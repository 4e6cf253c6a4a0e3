// Writes OTLP JSON traces with OpenTelemetry JS's own OTLP/HTTP exporter (JSON encoding): a local
// receiver on 127.0.0.1 keeps each POST /v1/traces body, one per line, as an OTLP file exporter
// would. The spans are the demo's request shapes (the Ledgerly invoice list with its N+1, and the
// correct API view), with Django-instrumentation attributes and explicit times, so the output is
// the same on every run (but the random trace and span ids).
// Run: npm ci && node capture-otel.mjs ../resources/samples/otel/traces.jsonl
import { trace, context, SpanKind } from "@opentelemetry/api";
import { startCapture } from "./otlp-receiver.mjs";

const out = process.argv[2] ?? "traces.jsonl";
const { provider, finish } = await startCapture();
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
await finish(out);
