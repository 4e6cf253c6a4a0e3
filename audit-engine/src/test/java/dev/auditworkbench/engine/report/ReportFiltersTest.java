package dev.auditworkbench.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportFiltersTest {
  @Test
  void countsHaveThousandsSeparators() {
    assertEquals("3,095", ReportFilters.count(3095));
    assertEquals("20", ReportFilters.count(20));
    assertEquals("1,000,000", ReportFilters.count(1_000_000));
  }

  @Test
  void millisecondsFollowOneRule() {
    assertEquals("1,204", ReportFilters.ms(1204.4));
    assertEquals("573", ReportFilters.ms(573));
    assertEquals("27.2", ReportFilters.ms(27.16));
    assertEquals("0.19", ReportFilters.ms(0.1913));
    assertEquals("-", ReportFilters.ms(Double.NaN));
  }

  @Test
  void sqlIsCutBetweenTokensAndEachTokenStaysWhole() {
    String sql =
        "SELECT \"customers_customer\".\"id\", \"customers_customer\".\"tenant_id\","
            + " \"customers_customer\".\"name\" FROM \"customers_customer\" WHERE x < $1";
    String html = ReportFilters.sql(sql, 60);
    assertTrue(html.endsWith(" ..."), html);
    String text = html.replaceAll("<[^>]+>", "");
    assertEquals("SELECT &quot;customers_customer&quot;.&quot;id&quot;, ...", text);
    assertTrue(
        html.contains(
            "<span class=\"nowrap\">&quot;customers_customer&quot;.&quot;id&quot;,</span>"));
    // Short statements are whole, markup in them is text.
    String whole = ReportFilters.sql("SELECT 1 WHERE a<b", 220);
    assertFalse(whole.contains("..."));
    assertTrue(whole.contains("a&lt;b"), whole);
  }
}
