package dev.auditworkbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.spi.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seam map of the demo: its planted app cycles, its clusters, and every output format. */
class SeamsCommandTest {
  @TempDir static Path dir;
  static Path project;

  @BeforeAll
  static void demo() throws Exception {
    project = DemoProject.create(dir.resolve("demo.audit"), false, ProgressListener.NONE).project();
  }

  @Test
  void thePlantedCyclesAreMutualLinksAndTheirAppsShareAClusterAndTheSvgIsDrawn() throws Exception {
    Path svg = dir.resolve("seam_map.svg");
    JsonNode json =
        new ObjectMapper()
            .readTree(Cli.run("seams", project, "--format", "json", "--svg", svg).ok().out());
    Map<String, Integer> cluster = new HashMap<>();
    json.get("apps").forEach(a -> cluster.put(a.get("name").asText(), a.get("cluster").asInt()));
    int mutual = 0;
    for (JsonNode l : json.get("links")) {
      if (l.get("aImportsB").asBoolean() && l.get("bImportsA").asBoolean()) {
        mutual++;
        String pair = l.get("a").asText() + "-" + l.get("b").asText();
        assertTrue(pair.equals("customers-invoices") || pair.equals("ledger-payments"), pair);
      }
    }
    assertEquals(2, mutual, "D-CYC-1 and D-CYC-2");
    assertEquals(cluster.get("ledger"), cluster.get("payments"));
    assertEquals(cluster.get("customers"), cluster.get("invoices"));
    assertTrue(json.get("apps").toString().contains("{\"name\":\"invoices\""));
    String drawing = Files.readString(svg);
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertTrue(drawing.contains(">invoices \u25B2</text>"), "the top hotspot's app is marked");
    for (JsonNode cut : json.get("cuts")) {
      assertTrue(cut.get("imports").asInt() + cut.get("coChanges").asInt() > 0);
    }
  }

  @Test
  void dotAndGraphMlNameEveryApp() {
    String dot = Cli.run("seams", project, "--format", "dot").ok().out();
    String graphml = Cli.run("seams", project, "--format", "graphml").ok().out();
    for (String app : new String[] {"invoices", "payments", "ledger", "customers", "tenants"}) {
      assertTrue(dot.contains("\"" + app + "\" [label="), app);
      assertTrue(graphml.contains("<node id=\"" + app + "\">"), app);
    }
    assertTrue(dot.contains("dir=both, color=red"));
  }

  @Test
  void anUnscannedProjectIsAUsageError() {
    Path fresh = dir.resolve("fresh.audit");
    Cli.run("new", fresh, "--repo", dir, "--no-scan").ok();
    Cli r = Cli.run("seams", fresh);
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("has not been scanned yet"), r.err());
  }
}
