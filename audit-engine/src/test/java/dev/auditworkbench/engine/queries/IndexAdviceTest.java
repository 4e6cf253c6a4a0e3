package dev.auditworkbench.engine.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.django.DjangoInventory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The index advice in PostgreSQL's and Django's terms, on filters as PostgreSQL 15 prints them
 * (taken from the plans of importers/src/test/pg-capture/capture-index-advice.sh; that the indexes
 * work is checked in IndexAdviceOnPostgresTest).
 */
class IndexAdviceTest {
  private static final DjangoInventory.Model ACCOUNT =
      new DjangoInventory.Model(
          "accounts.models.Account",
          "accounts/models.py",
          10,
          "accounts_account",
          false,
          List.of(
              new DjangoInventory.Field(
                  "tenant", "ForeignKey", "tenants.Tenant", 11, false, Map.of()),
              new DjangoInventory.Field("email", "EmailField", null, 12, false, Map.of()),
              new DjangoInventory.Field("created_at", "DateTimeField", null, 13, false, Map.of()),
              new DjangoInventory.Field("deleted_at", "DateTimeField", null, 14, false, Map.of())),
          List.of(),
          List.of());

  private static IndexAdvice.Advice advice(String filter) {
    return IndexAdvice.of("accounts_account", filter, null).orElseThrow();
  }

  @Test
  void expressionsAreIndexedAsTheyAreWrittenAndDjangoGetsAFunctionalIndex() {
    IndexAdvice.Advice upper = advice("(upper((email)::text) = 'USER777@EXAMPLE.COM'::text)");
    assertEquals(
        "CREATE INDEX CONCURRENTLY accounts_account_upper_email_idx ON accounts_account ((upper((email)::text)));",
        upper.statement());
    assertTrue(
        IndexAdvice.django(ACCOUNT, upper)
            .contains(
                "indexes = [models.Index(Upper(\"email\"), name=\"account_email_idx\")]  # from django.db.models.functions import Upper"),
        IndexAdvice.django(ACCOUNT, upper));
    IndexAdvice.Advice date =
        advice("(((created_at AT TIME ZONE 'UTC'::text))::date = '2025-02-03'::date)");
    assertTrue(
        IndexAdvice.django(ACCOUNT, date).contains("models.Index(TruncDate(\"created_at\"), name="),
        IndexAdvice.django(ACCOUNT, date));
  }

  @Test
  void aSoftDeleteTestBecomesThePartialIndexsCondition() {
    IndexAdvice.Advice partial = advice("((deleted_at IS NULL) AND (tenant_id = 7))");
    assertEquals(
        "CREATE INDEX CONCURRENTLY accounts_account_tenant_id_idx ON accounts_account (tenant_id) WHERE deleted_at IS NULL;",
        partial.statement());
    assertTrue(
        IndexAdvice.django(ACCOUNT, partial)
            .contains(
                "models.Index(fields=[\"tenant\"], name=\"account_tenant_idx\", condition=Q(deleted_at__isnull=True))"),
        IndexAdvice.django(ACCOUNT, partial));
    // Alone, a null test is the index's own column.
    assertEquals(
        "CREATE INDEX CONCURRENTLY accounts_account_deleted_at_idx ON accounts_account (deleted_at);",
        advice("(deleted_at IS NULL)").statement());
  }

  @Test
  void aStatusFixedInTheCodeBecomesThePartialIndexsConditionBesideTheTenant() {
    IndexAdvice.Advice open =
        advice("((tenant_id = 7) AND ((status)::text = ANY ('{open,pending}'::text[])))");
    assertEquals(
        "CREATE INDEX CONCURRENTLY accounts_account_tenant_id_open_pending_idx ON accounts_account (tenant_id) WHERE status IN ('open', 'pending');",
        open.statement());
    assertTrue(
        IndexAdvice.django(ACCOUNT, open)
            .contains(
                "models.Index(fields=[\"tenant\"], name=\"account_tenant_open_pe_1105_ix\", condition=Q(status__in=[\"open\", \"pending\"]))"),
        IndexAdvice.django(ACCOUNT, open));
    IndexAdvice.Advice one = advice("(((status)::text = 'open'::text) AND (tenant_id = 7))");
    assertEquals(
        "CREATE INDEX CONCURRENTLY accounts_account_tenant_id_open_idx ON accounts_account (tenant_id) WHERE status = 'open';",
        one.statement());
    assertTrue(
        IndexAdvice.django(ACCOUNT, one).contains("condition=Q(status=\"open\")"),
        IndexAdvice.django(ACCOUNT, one));
    // A numeric state and an existing index on the tenant: the same key, only the open rows.
    assertEquals(
        "CREATE INDEX CONCURRENTLY t_tenant_id_2_idx ON t (tenant_id) WHERE payment_state = 2;",
        IndexAdvice.of("t", "(payment_state = 2)", "(tenant_id = 7)").orElseThrow().statement());
    // Alone, a status is the index's own column; compared with a parameter it is not fixed in
    // the code, and a column not named as a status (a currency) stays a key.
    assertEquals(
        "CREATE INDEX CONCURRENTLY accounts_account_status_idx ON accounts_account (status);",
        advice("((status)::text = 'open'::text)").statement());
    assertEquals(
        "CREATE INDEX CONCURRENTLY accounts_account_tenant_id_status_idx ON accounts_account (tenant_id, status);",
        advice("((tenant_id = $1) AND ((status)::text = $2))").statement());
    assertEquals(
        "CREATE INDEX CONCURRENTLY accounts_account_tenant_id_currency_idx ON accounts_account (tenant_id, currency);",
        advice("((tenant_id = 1) AND ((currency)::text = 'EUR'::text))").statement());
  }

  @Test
  void aTimeZoneDependentExpressionGetsARangeRewriteNotAnIndexPostgresRefuses() {
    IndexAdvice.Advice trunc =
        advice(
            "(date_trunc('day'::text, created_at) = '2025-02-03 00:00:00+00'::timestamp with time zone)");
    assertEquals(
        "CREATE INDEX CONCURRENTLY accounts_account_created_at_idx ON accounts_account (created_at);",
        trunc.statement());
    assertTrue(trunc.rewrite().contains("filter on a range of created_at"), trunc.rewrite());
    IndexAdvice.Advice cast = advice("((created_at)::date = '2025-02-03'::date)");
    assertEquals(
        "CREATE INDEX CONCURRENTLY accounts_account_created_at_idx ON accounts_account (created_at);",
        cast.statement());
  }

  @Test
  void inequalityAndDisjunctionAskForNothing() {
    assertTrue(IndexAdvice.of("t", "(status <> 'x'::text)", null).isEmpty());
    assertTrue(IndexAdvice.of("t", "((a = 1) OR (b = 2))", null).isEmpty());
    assertTrue(IndexAdvice.of("t", "(a = (b + 1))", null).isEmpty(), "compared with an expression");
    // The inner side of a nested loop compares with the outer row: its column is the one to index.
    assertEquals(
        "CREATE INDEX CONCURRENTLY t_a_idx ON t (a);",
        IndexAdvice.of("t", "(t.a = u.b)", null).orElseThrow().statement());
    assertEquals(
        "CREATE INDEX CONCURRENTLY t_a_b_idx ON t (a, b);",
        IndexAdvice.of("t", "((b > 5) AND (a = 1))", null).orElseThrow().statement(),
        "equality first");
  }
}
