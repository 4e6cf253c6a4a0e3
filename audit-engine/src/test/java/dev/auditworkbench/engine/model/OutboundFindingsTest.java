package dev.auditworkbench.engine.model;

import static dev.auditworkbench.engine.testing.FindingBuilder.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The wording both sides of the outbound findings rely on, and the order they are listed in. */
class OutboundFindingsTest {
  private static Finding call(String... chain) {
    return finding(OutboundFindings.BLOCKING)
        .evidence(Evidence.Kind.TEXT, OutboundFindings.chainEvidence(List.of(chain)))
        .build();
  }

  private static Finding measured(String route, String host, double share) {
    return finding(OutboundFindings.MEASURED)
        .title(OutboundFindings.measuredTitle(route, host, share))
        .description(route + " waited on " + host + " 20 times: p50 340 ms, p95 558 ms")
        .build();
  }

  @Test
  void theReportAndTheQueriesPageListMeasuredRoutesFirstWithTheirMeasureAboveTheCode() {
    List<Finding> ordered =
        OutboundFindings.inRouteOrder(
            List.of(
                call("/invoices/<int:pk>/remind/", "invoices.views.send_reminder", "send_mail"),
                call("/payments/checkout/<int:pk>/", "payments.gateway.charge", "requests.post"),
                call("/invoices/bulk/", "invoices.views.bulk_action", "send_mail"),
                measured("POST /payments/checkout/<int:pk>/", "api.paylane.example", 0.94)));
    assertEquals(
        List.of(
            "outbound.measured /payments/checkout/<int:pk>/ api.paylane.example",
            "outbound.blocking-call /payments/checkout/<int:pk>/ requests.post",
            "outbound.blocking-call /invoices/<int:pk>/remind/ send_mail",
            "outbound.blocking-call /invoices/bulk/ send_mail"),
        ordered.stream()
            .map(
                f ->
                    f.ruleId()
                        + " "
                        + OutboundFindings.routePath(f)
                        + " "
                        + OutboundFindings.target(f))
            .toList());
  }

  @Test
  void aMeasuredWaitSaysItsRouteShareAndP95AndACallFromMiddlewareHasNoRoute() {
    Finding m = measured("POST /checkout/", "api.stripe.com", 0.84);
    assertEquals("/checkout/", OutboundFindings.routePath(m));
    assertEquals(0.84, OutboundFindings.measuredShare(m).orElseThrow(), 1e-9);
    assertEquals("558", OutboundFindings.measuredP95(m).orElseThrow());
    assertNull(OutboundFindings.routePath(call("shop.middleware.Geo", "requests.get")));
  }
}
