package dev.auditworkbench.importers.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What one message says, read on its own ({@link PostgresMessages#parse}). */
class PostgresMessagesTest {
  @Test
  void durationsAreTheDoublesParseDoubleReads() {
    Random random = new Random(27);
    for (int i = 0; i < 200_000; i++) {
      int whole = random.nextInt(10) < 8 ? random.nextInt(1000) : random.nextInt(1_000_000_000);
      int decimals = random.nextInt(5);
      String text = whole + (decimals == 0 ? "" : ".");
      for (int d = 0; d < decimals; d++) {
        text += random.nextInt(10);
      }
      String message = "x" + text + " ms";
      assertEquals(
          Double.parseDouble(text),
          PostgresMessages.decimal(message, 1, 1 + text.length()),
          0.0,
          text);
    }
    for (String odd : List.of("1e3", "-4.5", "1.2.3", "", ".", "1234567890123456.5", "NaN")) {
      assertTrue(Double.isNaN(PostgresMessages.decimal(odd, 0, odd.length())), odd);
    }
    assertEquals(0.5, PostgresMessages.decimal(".5", 0, 2), 0.0);
    assertEquals(5.0, PostgresMessages.decimal("5.", 0, 2), 0.0);
  }

  @Test
  void aMessageInsideALineIsReadFromWhereItStarts() {
    String line =
        "2026-11-24 11:41:06.280 UTC [21842] LOG:  duration: 0.157 ms  statement: SELECT 1";
    int from = line.indexOf("duration");
    PostgresMessages.Parsed p = PostgresMessages.parse("LOG", line, from);
    assertEquals(PostgresMessages.Kind.TIMED_STATEMENT, p.kind());
    assertEquals(0.157, p.durationMs(), 0.0);
    assertEquals("SELECT 1", p.text());
    assertEquals(p, PostgresMessages.parse("LOG", line.substring(from)));
    assertEquals(
        PostgresMessages.Kind.DURATION, PostgresMessages.parse("LOG", "duration: 2.5 ms  ").kind());
    assertEquals(
        PostgresMessages.Kind.STATEMENT,
        PostgresMessages.parse("LOG", "execute S_1: SELECT 2").kind());
    assertEquals("SELECT 2", PostgresMessages.parse("LOG", "execute S_1: SELECT 2").text());
    assertEquals(
        PostgresMessages.Kind.NOTHING,
        PostgresMessages.parse("ERROR", "duration: 1 ms  statement: SELECT 1").kind());
    PostgresMessages.Parsed bad = PostgresMessages.parse("LOG", "duration: 1,5 ms  statement: x");
    assertEquals(PostgresMessages.Kind.WARNING, bad.kind());
    assertEquals("unreadable duration: 1,5", bad.text());
    PostgresMessages.Parsed plan =
        parseWithPlan(
            "LOG", "duration: 3 ms  plan:\n{\"Query Text\": \"SELECT 3\", \"Plan\": {}}\n  ");
    assertEquals(PostgresMessages.Kind.PLAN, plan.kind());
    assertEquals("SELECT 3", plan.text());
    assertEquals("{\"Query Text\": \"SELECT 3\", \"Plan\": {}}", plan.plan());
    assertNull(PostgresMessages.parse("LOG", "checkpoint starting: time").text());
    // The plan's JSON as readTree took it: nested plans read, a damaged one or one without a
    // "Plan" told apart.
    PostgresMessages.Parsed nested =
        parseWithPlan(
            "LOG",
            "duration: 3 ms  plan:\n{\"Query Text\": \"SELECT 4\", \"Plan\": {\"Plans\": [{\"Node"
                + " Type\": \"Seq Scan\", \"Query Text\": \"inner\"}]}, \"Triggers\": []}");
    assertEquals(PostgresMessages.Kind.PLAN, nested.kind());
    assertEquals("SELECT 4", nested.text());
    assertEquals(
        PostgresMessages.Kind.NOTHING,
        parseWithPlan("LOG", "duration: 3 ms  plan:\n{\"Query Text\": \"SELECT 5\"}").kind());
    PostgresMessages.Parsed damaged =
        parseWithPlan(
            "LOG",
            "duration: 3 ms  plan:\n{\"Query Text\": \"SELECT 6\", \"Plan\": {\"Node\": ]}}");
    assertEquals(PostgresMessages.Kind.WARNING, damaged.kind());
    assertTrue(damaged.text().startsWith("auto_explain plan is not valid JSON: "), damaged.text());
    assertEquals(
        PostgresMessages.Kind.WARNING,
        parseWithPlan("LOG", "duration: 3 ms  plan:\n{\"Query Text\": \"SELECT 7\", \"Plan\"")
            .kind());
  }

  private static PostgresMessages.Parsed parseWithPlan(String severity, String message) {
    PostgresMessages.Parsed parsed = PostgresMessages.parse(severity, message);
    assertEquals(PostgresMessages.Kind.PLAN, parsed.kind(), "a plan, its JSON read later");
    return PostgresMessages.readPlan(parsed);
  }
}
