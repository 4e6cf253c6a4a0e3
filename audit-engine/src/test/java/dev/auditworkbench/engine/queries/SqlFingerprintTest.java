package dev.auditworkbench.engine.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlFingerprintTest {

  @Test
  void literalsAndParametersBecomeNumberedPlaceholders() {
    assertEquals(
        "SELECT * FROM \"t\" WHERE \"t\".\"a\" = $1 AND b = $2 LIMIT $3",
        SqlFingerprint.normalize(
            "SELECT * FROM \"t\" WHERE \"t\".\"a\" = 42 AND b = 'it''s' LIMIT 21"));
    assertEquals(
        "SELECT x FROM t WHERE a = $1 AND b = $2",
        SqlFingerprint.normalize("SELECT x FROM t WHERE a = %s AND b = $7"));
    assertEquals(
        "SELECT x FROM t WHERE a = $1",
        SqlFingerprint.normalize("SELECT x FROM t WHERE a = E'\\'x'"));
    assertEquals("SELECT $1", SqlFingerprint.normalize("SELECT $tag$ body; 'quoted' $tag$"));
    assertEquals(
        "SELECT a FROM t WHERE b > $1",
        SqlFingerprint.normalize("SELECT a FROM t WHERE b > -3.5e-2"));
  }

  @Test
  void identifiersWithDigitsAreNotLiterals() {
    assertEquals(
        "SELECT col1, t2.x FROM t2 WHERE x = $1",
        SqlFingerprint.normalize("SELECT col1, t2.x FROM t2 WHERE x = 1"));
  }

  @Test
  void inListsOfAnyLengthCollapse() {
    String three = SqlFingerprint.normalize("SELECT * FROM t WHERE id IN (1, 2, 3) AND k = 'x'");
    String one = SqlFingerprint.normalize("SELECT * FROM t WHERE id IN (7) AND k = 'y'");
    String many =
        SqlFingerprint.normalize("SELECT * FROM t WHERE id IN (%s, %s, %s, %s) AND k = %s");
    assertEquals("SELECT * FROM t WHERE id IN ($1, ...) AND k = $2", three);
    assertEquals(three, one, "one value or many: the same statement");
    assertEquals(three, many);
    assertEquals(
        "SELECT * FROM t WHERE id = ANY($1, ...)",
        SqlFingerprint.normalize("SELECT * FROM t WHERE id = ANY(1)"));
  }

  @Test
  void functionsAreKeptApartByTheirNumberOfArgumentsAsPgStatStatementsDoes() {
    // From the PostgreSQL 15 capture (importers' samples/postgres/prefix-*.log).
    String three = SqlFingerprint.normalize("SELECT substr(name, 1, 4) FROM item WHERE id = 1;");
    String two = SqlFingerprint.normalize("SELECT substr(name, 2) FROM item WHERE id = 2;");
    assertEquals("SELECT substr(name, $1, $2) FROM item WHERE id = $3", three);
    assertEquals("SELECT substr(name, $1) FROM item WHERE id = $2", two);
    assertEquals(
        "SELECT substr($1, $2) FROM t", SqlFingerprint.normalize("SELECT substr('abc', 2) FROM t"));
    assertEquals(
        "SELECT substr($1, $2, $3) FROM t",
        SqlFingerprint.normalize("SELECT substr('abc', 2, 1) FROM t"));
    assertEquals(
        "INSERT INTO t (a, b) VALUES ($1, ...)",
        SqlFingerprint.normalize("INSERT INTO t (a, b) VALUES (1, 2)"));
  }

  @Test
  void commentsWhitespaceAndTheFinalSemicolonGo() {
    assertEquals(
        "SELECT a FROM t WHERE b = $1",
        SqlFingerprint.normalize(
            "  SELECT a /* why */ FROM   t\n\t WHERE b = 1 -- trailing\n ;  "));
  }

  @Test
  void aDjangoLogStatementAndItsPgStatStatementsTextShareAFingerprint() {
    String django =
        "SELECT \"customers_customer\".\"id\" FROM \"customers_customer\" WHERE \"customers_customer\".\"id\" = 17 LIMIT 21";
    String pgss =
        "SELECT \"customers_customer\".\"id\" FROM \"customers_customer\" WHERE \"customers_customer\".\"id\" = $1 LIMIT $2";
    assertEquals(
        SqlFingerprint.id(SqlFingerprint.normalize(django)),
        SqlFingerprint.id(SqlFingerprint.normalize(pgss)));
    assertNotEquals(
        SqlFingerprint.id(SqlFingerprint.normalize(django)),
        SqlFingerprint.id(SqlFingerprint.normalize(django.replace("LIMIT 21", ""))));
  }

  @Test
  void tablesAreTheOnesReadOrWritten() {
    assertEquals(
        List.of("payments_payment", "invoices_invoice"),
        SqlFingerprint.tables(
            SqlFingerprint.normalize(
                "SELECT p.id FROM payments_payment p JOIN invoices_invoice i ON i.id = p.invoice_id WHERE p.tenant_id = 1")));
    assertEquals(
        List.of("invoices_invoice"),
        SqlFingerprint.tables("UPDATE \"invoices_invoice\" SET a = $1"));
    assertEquals(
        List.of("public.x".substring(7)),
        SqlFingerprint.tables("INSERT INTO public.x (a) VALUES ($1)"));
    assertEquals("SELECT", SqlFingerprint.verb(" select 1"));
  }
}
