package dev.auditworkbench.importers.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry JS's export of ten checkouts that call a payment API and a partner hook
 * (src/test/otel-capture/capture-otel-outbound.mjs; the requests instrumentation's attributes, old
 * conventions for one host and new ones for the other): each host's share of the route's time and
 * its p95, and nothing for the page without outside calls.
 */
class OutboundWaitsTest {
  private static final Path TRACES =
      Path.of("src/test/resources/samples/otel/traces-outbound.jsonl").toAbsolutePath();

  @Test
  void eachOutsideHostGetsItsShareOfTheRoutesTime() throws Exception {
    CollectingSink sink = new CollectingSink();
    new OtlpJsonImporter().parse(new FileInput(TRACES, Map.of()), sink);
    List<RawFinding> waits =
        sink.findings.stream().filter(f -> f.ruleKey().equals("outbound.measured")).toList();
    assertEquals(
        List.of(
            "POST /checkout/ waits on api.stripe.com (84% of its time)",
            "POST /checkout/ waits on hooks.partner.example (11% of its time)"),
        waits.stream().map(RawFinding::title).toList());
    RawFinding stripe = waits.get(0);
    // charges of 300, 340, ... 660 ms in checkouts of 300 + 40i + 40 + 5i + 30 ms
    assertTrue(
        stripe
            .description()
            .startsWith(
                "POST /checkout/ waited on api.stripe.com 10 times in 10 requests: p50 460 ms,"
                    + " p95 660 ms, max 660 ms; 84% of the route's time"),
        stripe.description());
    assertEquals(Severity.HIGH, stripe.severity());
    assertEquals(Confidence.HIGH, stripe.confidence());
    assertEquals("POST /checkout/", stripe.symbol(), "placed on the route's view by the import");
    assertEquals(Severity.LOW, waits.get(1).severity());
    // the statements of the same traces are read as before
    assertEquals(11, sink.queries.size());
  }
}
