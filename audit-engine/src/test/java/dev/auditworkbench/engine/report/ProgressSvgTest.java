package dev.auditworkbench.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.progress.Progress;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** The before/after chart of the report's progress section. */
class ProgressSvgTest {
  @Test
  void eachComparedRouteHasItsTwoBarsOnOneScaleAndTheOthersAreLeftOut() throws Exception {
    List<Progress.RouteChange> routes =
        List.of(
            new Progress.RouteChange("GET /invoices/", 40, 80, 100, 40, 30, 50, true),
            new Progress.RouteChange("GET /a&b/<int:pk>/", 30, 10, 20, 30, 10, 25, true),
            new Progress.RouteChange("GET /rare/", 2, 5, 5, 1, 4, 4, false));
    String svg = ProgressSvg.render(routes, 12);
    var doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    // Two legend swatches, then two bars per compared route.
    assertEquals(2 + 2 * 2, doc.getElementsByTagName("rect").getLength());
    assertTrue(svg.contains("100 \u2192 50 ms (-50%)"), svg);
    assertTrue(svg.contains("20 \u2192 25 ms (+25%)"), svg);
    assertTrue(svg.contains("GET /a&amp;b/&lt;int:pk&gt;/"), "route text escaped");
    assertTrue(!svg.contains("/rare/"), "too few requests: not drawn");
    // One scale: the longest bar is the largest p95 (100 ms), 25 ms is a quarter of it.
    assertTrue(svg.contains("width=\"270.0\""), svg);
    assertTrue(svg.contains("width=\"67.5\""), svg);
  }
}
