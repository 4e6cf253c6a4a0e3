package dev.auditworkbench.engine.django.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Thresholds;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.spi.RawFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocking calls are found where a request reaches them through the project's own functions, and
 * not where only a task, a command or nobody does.
 */
class OutboundCallRuleTest {
  @TempDir Path repo;

  private void write(String path, String text) throws Exception {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private List<RawFinding> scan(String emailBackend) throws Exception {
    write(
        "manage.py",
        "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n");
    write("shop/__init__.py", "");
    write(
        "shop/settings.py",
        """
        ROOT_URLCONF = "shop.urls"
        INSTALLED_APPS = ["django.contrib.auth", "payments"]
        MIDDLEWARE = [
            "django.middleware.security.SecurityMiddleware",
            "payments.middleware.GeoMiddleware",
        ]
        EMAIL_BACKEND = "%s"
        DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "ATOMIC_REQUESTS": True}}
        """
            .formatted(emailBackend));
    write(
        "shop/urls.py",
        """
        from django.urls import path
        from payments import views

        urlpatterns = [
            path("checkout/", views.checkout),
            path("refund/<int:pk>/", views.RefundView.as_view()),
            path("report/", views.report),
            path("status/", views.status),
        ]
        """);
    write("payments/__init__.py", "");
    write(
        "payments/gateway.py",
        """
        import requests
        import stripe


        def charge(order):
            return stripe.Charge.create(amount=order.total, currency="eur")


        def notify_partner(order):
            requests.post("https://partner.example/hook", json={"id": order.id})


        def rates():
            return requests.get("https://rates.example/eur", timeout=5).json()


        def verify(payload, sig):
            return stripe.Webhook.construct_event(payload, sig, "whsec")


        from django.core.cache import cache


        def cached_rates():
            found = cache.get("rates")
            if found is None:
                found = requests.get("https://rates.example/all", timeout=5).json()
                cache.set("rates", found, 300)
            return found
        """);
    write(
        "payments/views.py",
        """
        import subprocess
        import time

        from django.core.mail import send_mail
        from django.views import View

        from .gateway import charge, notify_partner, rates
        from .tasks import send_receipt


        def checkout(request):
            order = request.order
            charge(order)
            notify_partner(order)
            send_receipt.delay(order.id)
            send_mail("Thanks", "Paid", "shop@example.com", [request.user.email])
            return rates()


        class RefundView(View):
            def post(self, request, pk):
                self.refund(pk)
                time.sleep(2)

            def refund(self, pk):
                return subprocess.run(["refund-tool", str(pk)], check=True)


        def report(request):
            return send_receipt.delay(1).get(timeout=30)


        def status(request):
            from .gateway import cached_rates

            return cached_rates()
        """);
    write(
        "payments/tasks.py",
        """
        import requests
        from celery import shared_task


        @shared_task
        def send_receipt(order_id):
            requests.post("https://mail.example/send", json={"order": order_id})
        """);
    write(
        "payments/middleware.py",
        """
        import socket


        class GeoMiddleware:
            def __init__(self, get_response):
                self.get_response = get_response

            def __call__(self, request):
                request.host = socket.gethostbyname(request.get_host())
                return self.get_response(request)
        """);
    write(
        "payments/management/commands/sync.py",
        """
        import requests
        from django.core.management.base import BaseCommand


        class Command(BaseCommand):
            def handle(self, *args, **options):
                requests.get("https://partner.example/all")
        """);
    RepoAnalysis a = ScanService.analyse(repo, Thresholds.from(Map.of()), ProgressListener.NONE);
    List<RawFinding> out = new ArrayList<>();
    new OutboundCallRule().check(a, out::add);
    return out;
  }

  private static List<String> keys(List<RawFinding> found) {
    return found.stream()
        .map(f -> f.ruleKey() + "@" + f.rawPath() + ":" + f.startLine())
        .sorted()
        .toList();
  }

  @Test
  void callsReachedFromARequestAreFoundWithTheirChain() throws Exception {
    List<RawFinding> found = scan("django.core.mail.backends.smtp.EmailBackend");
    assertEquals(
        List.of(
            // checkout calls Stripe, the partner hook and the rates service in turn
            "outbound.async-candidate@payments/views.py:11",
            "outbound.blocking-call@payments/gateway.py:10",
            "outbound.blocking-call@payments/gateway.py:14",
            "outbound.blocking-call@payments/gateway.py:27",
            "outbound.blocking-call@payments/gateway.py:6",
            "outbound.blocking-call@payments/middleware.py:9",
            "outbound.blocking-call@payments/views.py:16",
            "outbound.blocking-call@payments/views.py:23",
            "outbound.blocking-call@payments/views.py:26",
            "outbound.blocking-call@payments/views.py:30",
            "outbound.no-timeout@payments/gateway.py:10"),
        keys(found));
    RawFinding stripe = found.stream().filter(f -> f.startLine() == 6).findFirst().orElseThrow();
    assertTrue(
        stripe
            .description()
            .contains(
                "/checkout/ -> payments.views.checkout -> payments.gateway.charge ->"
                    + " stripe.Charge.create"),
        stripe.description());
    RawFinding refund = found.stream().filter(f -> f.startLine() == 26).findFirst().orElseThrow();
    assertTrue(
        refund
            .description()
            .contains(
                "payments.views.RefundView.post -> payments.views.RefundView.refund ->"
                    + " subprocess.run"),
        refund.description());
    assertTrue(
        found.stream()
            .anyMatch(
                f ->
                    f.startLine() == 30
                        && f.title()
                            .equals(
                                "Request waits on a Celery result: send_receipt.delay(1).get in report")),
        keys(found).toString());
    assertTrue(
        found.stream()
            .anyMatch(
                f ->
                    f.startLine() == 6
                        && f.title().equals("Request waits on an API: Charge.create in charge")),
        found.stream().map(RawFinding::title).toList().toString());
  }

  @Test
  void aViewsTransactionHeldOpenIsSaidWhereAtomicRequestsWrapsIt() throws Exception {
    List<RawFinding> found = scan("django.core.mail.backends.smtp.EmailBackend");
    String stripe = descriptionAt(found, "payments/gateway.py", 6);
    assertTrue(stripe.contains("ATOMIC_REQUESTS is on (shop.settings)"), stripe);
    // middleware runs outside the view's transaction
    String socket = descriptionAt(found, "payments/middleware.py", 9);
    assertTrue(!socket.contains("ATOMIC_REQUESTS"), socket);
    RawFinding fanout =
        found.stream()
            .filter(f -> f.ruleKey().equals("outbound.async-candidate"))
            .findFirst()
            .orElseThrow();
    assertEquals("/checkout/ calls 3 outside services one after another", fanout.title());
  }

  private static String descriptionAt(List<RawFinding> found, String path, int line) {
    return found.stream()
        .filter(f -> f.ruleKey().equals("outbound.blocking-call"))
        .filter(f -> f.rawPath().equals(path) && f.startLine() == line)
        .findFirst()
        .orElseThrow()
        .description();
  }

  @Test
  void aCallBehindTheCacheOrASleepIsOfLowSeverity() throws Exception {
    List<String> low =
        scan("django.core.mail.backends.smtp.EmailBackend").stream()
            .filter(f -> f.severity() == Severity.LOW)
            .map(f -> f.rawPath() + ":" + f.startLine())
            .sorted()
            .toList();
    assertEquals(
        List.of("payments/gateway.py:27", "payments/views.py:11", "payments/views.py:23"), low);
  }

  @Test
  void mailThroughAQueueingBackendDoesNotBlock() throws Exception {
    List<String> found = keys(scan("djcelery_email.backends.CeleryEmailBackend"));
    assertTrue(!found.contains("outbound.blocking-call@payments/views.py:16"), found.toString());
    // the rest is unchanged
    assertTrue(found.contains("outbound.blocking-call@payments/gateway.py:6"), found.toString());
  }
}
