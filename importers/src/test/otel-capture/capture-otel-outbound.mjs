// Writes OTLP JSON traces of requests that call outside services, with OpenTelemetry JS's own
// OTLP/HTTP exporter (JSON encoding) to a local receiver, one POST body per line: a checkout that
// charges a payment API synchronously (a CLIENT span with the requests instrumentation's attributes,
// old semantic conventions: http.method, http.url, net.peer.name) and posts to a partner (new
// conventions: http.request.method, url.full, server.address), ten times with varying times; and a
// page with no outside call. Explicit times, so the output is the same on every run (but the ids).
// Run: npm ci && node capture-otel-outbound.mjs ../resources/samples/otel/traces-outbound.jsonl
import { trace, context, SpanKind } from "@opentelemetry/api";
import { startCapture } from "./otlp-receiver.mjs";

const out = process.argv[2] ?? "traces-outbound.jsonl";
const { provider, finish } = await startCapture({ batch: true });
const django = provider.getTracer("opentelemetry.instrumentation.django", "0.48b0");
const requestsLib = provider.getTracer("opentelemetry.instrumentation.requests", "0.48b0");
const base = Date.UTC(2026, 10, 24, 11, 0, 0);

function request(at, route, path, durationMs, calls) {
  const server = django.startSpan(`POST ${route}`, {
    kind: SpanKind.SERVER,
    startTime: at,
    attributes: { "http.request.method": "POST", "http.route": route, "url.path": path },
  });
  const ctx = trace.setSpan(context.active(), server);
  let t = at + 3;
  const db = django.startSpan("SELECT", {
    kind: SpanKind.CLIENT,
    startTime: t,
    attributes: { "db.system": "postgresql", "db.statement": 'SELECT "invoices_invoice"."id" FROM "invoices_invoice" WHERE "invoices_invoice"."id" = %s' },
  }, ctx);
  db.end(t + 2);
  t += 4;
  for (const [attrs, ms] of calls) {
    const c = requestsLib.startSpan(attrs["http.method"] ?? attrs["http.request.method"], {
      kind: SpanKind.CLIENT, startTime: t, attributes: attrs,
    }, ctx);
    c.setAttribute(attrs["http.method"] ? "http.status_code" : "http.response.status_code", 200);
    c.end(t + ms);
    t += ms + 1;
  }
  server.setAttribute("http.response.status_code", 200);
  server.end(at + durationMs);
}

const stripe = { "http.method": "POST", "http.url": "https://api.stripe.com/v1/charges", "net.peer.name": "api.stripe.com" };
const partner = { "http.request.method": "POST", "url.full": "https://hooks.partner.example/orders?source=ledgerly", "server.address": "hooks.partner.example" };
for (let i = 0; i < 10; i++) {
  const charge = 300 + 40 * i; // 300..660 ms
  const hook = 40 + 5 * i;
  request(base + i * 1000 * 60, "checkout/", "/checkout/", charge + hook + 30, [[stripe, charge], [partner, hook]]);
}
request(base + 20 * 60 * 1000, "checkout/done/", "/checkout/done/", 25, []);
await finish(out);
