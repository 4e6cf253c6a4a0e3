package dev.auditworkbench.engine.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanNodeTest {
  // Laid out like psql's EXPLAIN (ANALYZE) text; node figures are the demo's revenue plan (JSON),
  // the sort made to spill.
  static final String TEXT =
      """
       Sort  (cost=3185.50..3187.20 rows=680 width=48) (actual time=21.338..21.340 rows=11 loops=1)
         Sort Key: (date_trunc('month'::text, (issued_at)::timestamp with time zone))
         Sort Method: external merge  Disk: 2048kB
         ->  HashAggregate  (cost=3143.10..3153.30 rows=680 width=48) (actual time=21.300..21.320 rows=11 loops=1)
               ->  Bitmap Heap Scan on invoices_invoice  (cost=560.79..2971.91 rows=22825 width=14) (actual time=1.601..16.060 rows=22580 loops=1)
                     Recheck Cond: (tenant_id = 1)
                     Filter: ((issued_at >= '2025-01-01'::date) AND ((status)::text <> 'void'::text))
                     Rows Removed by Filter: 27421
                     ->  Bitmap Index Scan on invoices_invoice_tenant_id_db016140  (cost=0.00..555.08 rows=50103 width=0) (actual time=1.345..1.345 rows=50001 loops=1)
                           Index Cond: (tenant_id = 1)
     Planning Time: 0.211 ms
     Execution Time: 21.455 ms
    """;

  @Test
  void readsTheTextFormatIntoTheSameNodesAsJson() {
    PlanNode root = PlanNode.parse(TEXT);
    assertEquals("Sort", root.nodeType());
    assertEquals("Disk", root.sortSpaceType());
    assertEquals("external merge", root.sortMethod());
    List<PlanNode> all = new ArrayList<>();
    root.walk(all::add);
    assertEquals(
        List.of("Sort", "HashAggregate", "Bitmap Heap Scan", "Bitmap Index Scan"),
        all.stream().map(PlanNode::nodeType).toList());
    PlanNode heap = all.get(2);
    assertEquals("invoices_invoice", heap.relation());
    assertEquals(27421, heap.removedByFilter());
    assertEquals(22580, heap.actualRows(), 0);
    assertEquals("(tenant_id = 1)", heap.indexCond());
    IndexAdvice.Advice advice =
        IndexAdvice.of(heap.relation(), heap.filter(), heap.indexCond()).orElseThrow();
    assertEquals(
        List.of("tenant_id", "issued_at"),
        advice.parts().stream().map(IndexAdvice.Part::column).toList());
    assertEquals(
        "CREATE INDEX CONCURRENTLY invoices_invoice_tenant_id_issued_at_idx ON invoices_invoice (tenant_id, issued_at);",
        advice.statement());
  }

  @Test
  void readsJson() {
    PlanNode root =
        PlanNode.parse(
            "[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Relation Name\": \"t\", \"Plan Rows\": 1,"
                + " \"Actual Rows\": 0, \"Actual Loops\": 1, \"Filter\": \"(a = 1)\", \"Rows Removed by Filter\": 5000}}]");
    assertEquals("Seq Scan", root.nodeType());
    assertEquals(5000, root.removedByFilter());
    assertThrows(IllegalArgumentException.class, () -> PlanNode.parse("no plan here"));
  }
}
