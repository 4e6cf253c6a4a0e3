// Shared by the capture scripts here: a local OTLP/HTTP receiver on 127.0.0.1 that keeps each POST
// /v1/traces body (one line each, as an OTLP file exporter writes them), and a tracer provider of
// the Ledgerly service exporting to it with OpenTelemetry JS's own OTLP/HTTP exporter (JSON).
import http from "node:http";
import fs from "node:fs";
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";

// batch: one export for all spans (SimpleSpanProcessor sends one per span, and the exporter refuses
// more than a few at once); without it, one export per span as the first capture was made.
export async function startCapture({ batch = false } = {}) {
  const bodies = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      bodies.push(JSON.stringify(JSON.parse(body)));
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise((r) => receiver.listen(0, "127.0.0.1", r));
  const exporter = new OTLPTraceExporter({ url: `http://127.0.0.1:${receiver.address().port}/v1/traces` });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "ledgerly", "deployment.environment": "demo" }),
    spanProcessors: [
      batch
        ? new BatchSpanProcessor(exporter, { maxExportBatchSize: 1000, maxQueueSize: 2000 })
        : new SimpleSpanProcessor(exporter),
    ],
  });
  async function finish(out) {
    await provider.forceFlush();
    await provider.shutdown();
    receiver.close();
    fs.writeFileSync(out, bodies.join("\n") + "\n");
    console.log(`${out}: ${bodies.length} export requests`);
  }
  return { provider, finish };
}
