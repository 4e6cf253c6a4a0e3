package dev.auditworkbench.views.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Outside calls tab lists what the report's table lists, in the same order. */
class OutsideCallOrderTest {
  private static QueriesViewModel.OutsideCall call(String source, String route, String target) {
    return new QueriesViewModel.OutsideCall(source, route, target, "", "", "");
  }

  @Test
  void measuredRoutesComeFirstWithTheirMeasureAboveTheCode() {
    List<QueriesViewModel.OutsideCall> sorted =
        QueriesViewModel.sorted(
            List.of(
                call("code", "/invoices/<int:pk>/remind/", "django.core.mail.send_mail"),
                call("code", "/payments/checkout/<int:pk>/", "requests.post"),
                call("code", "/invoices/bulk/", "django.core.mail.send_mail"),
                call("trace", "POST /payments/checkout/<int:pk>/", "api.paylane.example")));
    assertEquals(
        List.of(
            "trace POST /payments/checkout/<int:pk>/",
            "code /payments/checkout/<int:pk>/",
            "code /invoices/<int:pk>/remind/",
            "code /invoices/bulk/"),
        sorted.stream().map(c -> c.source() + " " + c.route()).toList());
  }
}
