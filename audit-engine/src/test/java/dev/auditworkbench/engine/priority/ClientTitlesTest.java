package dev.auditworkbench.engine.priority;

import static dev.auditworkbench.engine.testing.FindingBuilder.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.auditworkbench.engine.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Titles a CTO reads: plain words, no tool codes or rule keys, never cut (titles as the tools write
 * them).
 */
class ClientTitlesTest {
  @Test
  void aDeploymentCheckReadsAsWhatIsWrongNotAsItsCode() {
    Finding w009 =
        finding("django.check.security.W009")
            .title(
                "security.W009: Your SECRET_KEY has less than 50 characters, less than 5 unique"
                    + " characters, or it's prefixed with 'django-insecure-' indicating that it was"
                    + " generated automatically by Django. Please generate a long and random value,"
                    + " otherwise many of Django's security-critical features will be vulnerable to"
                    + " attack.")
            .build();
    assertEquals("Secret key weak or in the code", ClientTitles.of(w009));
    assertEquals(
        "Debug mode on in production",
        ClientTitles.of(
            finding("django.settings.debug")
                .title(
                    "DEBUG is True in a deployment settings" + " module (ledgerly.settings.prod)")
                .build()));
  }

  @Test
  void aLinterMessageLosesItsCodeAndNamesItsFile() {
    Finding e0307 =
        finding("pylint.E0307")
            .title("E0307 invalid-str-returned: __str__ does not return str")
            .at("invoices/models.py", 40)
            .build();
    assertEquals("__str__ does not return str in invoices/models.py", ClientTitles.of(e0307));
    Finding mypy =
        finding("mypy.var-annotated")
            .title(
                "mypy var-annotated: Need type annotation for \"ALLOWED_HOSTS\" (hint: \"ALLOWED_HOSTS:"
                    + " List[<type>] = ...\")")
            .at("ledgerly/settings/base.py", 30)
            .build();
    assertFalse(ClientTitles.of(mypy).startsWith("mypy"), ClientTitles.of(mypy));
  }

  @Test
  void familiesArePlainWordsAndOurOwnTitlesStay() {
    Finding tenancy =
        finding("tenancy.unscoped-query")
            .title(
                "Tenant data leak in a view: Customer.objects without a tenant filter in dashboard")
            .build();
    assertEquals(
        "Queries not limited to the current tenant",
        ClientTitles.family(tenancy.ruleId(), tenancy));
    assertEquals(tenancy.title(), ClientTitles.of(tenancy));
    Finding docstring =
        finding("pylint.C0114")
            .title("C0114 missing-module-docstring: Missing module docstring")
            .build();
    assertEquals(
        "Missing module docstring (code quality)", ClientTitles.family("pylint.C0114", docstring));
    assertEquals(
        "Hotspot: invoices/models.py (12 changes in 12 months x complexity 75)",
        ClientTitles.of(
            finding("history.hotspot")
                .title("Hotspot #1: invoices/models.py (12 changes in 12 months x complexity 75)")
                .build()));
    for (String rule :
        List.of("code.sql-injection", "dependency.unmaintained", "tests.skipped", "queries.slow")) {
      String family = ClientTitles.family(rule, finding(rule).build());
      assertFalse(family.contains(rule) || family.contains("..."), family);
    }
  }
}
