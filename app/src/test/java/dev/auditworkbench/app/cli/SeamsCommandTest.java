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

/**
 * The seam map of the demo (its planted app cycles, its clusters, every output format), its
 * strangler-fig candidates, and rounds opened on a copy of it.
 */
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

  /**
   * Path and status of each request the demo's captures hold: the access log's request lines and
   * the checkout traces' server spans (the captures themselves).
   */
  private static java.util.List<String[]> accessLog() throws Exception {
    java.util.List<String[]> out = new java.util.ArrayList<>();
    var line = java.util.regex.Pattern.compile("\"([A-Z]+) (\\S+) HTTP/[0-9.]+\" (\\d{3}) ");
    for (String l :
        Files.readAllLines(
            dev.auditworkbench.engine.testing.Resources.path(
                SeamsCommandTest.class, "demo/captures/web/nginx-access.log"))) {
      var m = line.matcher(l);
      if (m.find()) {
        out.add(new String[] {m.group(2).replaceAll("\\?.*", ""), m.group(3)});
      }
    }
    for (String l :
        Files.readAllLines(
            dev.auditworkbench.engine.testing.Resources.path(
                SeamsCommandTest.class, "demo/captures/otel/checkout-traces.jsonl"))) {
      for (JsonNode rs : new ObjectMapper().readTree(l).get("resourceSpans")) {
        for (JsonNode ss : rs.get("scopeSpans")) {
          for (JsonNode span : ss.get("spans")) {
            if (span.get("kind").asInt() == 2) { // SERVER
              java.util.Map<String, String> a = new java.util.HashMap<>();
              span.get("attributes")
                  .forEach(
                      x -> a.put(x.get("key").asText(), x.get("value").elements().next().asText()));
              out.add(new String[] {a.get("http.target"), a.get("http.status_code")});
            }
          }
        }
      }
    }
    return out;
  }

  @Test
  void theDemosFirstStranglerCandidateIsPaymentsWithItsShareOfTheCapturedRequests()
      throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(Cli.run("seams", project, "--candidates", "--format", "json").ok().out());
    var log = accessLog();
    long payments = log.stream().filter(r -> r[0].startsWith("/payments/")).count();
    assertEquals(log.size(), json.get("totalRequests").asLong(), "every request line counted");
    JsonNode first = json.get("candidates").get(0);
    assertEquals("[\"ledger\",\"payments\"]", first.get("apps").toString());
    assertEquals(payments, first.get("requests").asLong());
    assertEquals(
        Math.round(1000.0 * payments / log.size()) / 1000.0, first.get("requestShare").asDouble());
    // The core (customers and invoices, most of the modules) is set apart, not ranked.
    assertTrue(
        json.get("notCandidates").toString().contains("the core"),
        json.get("notCandidates").toString());
    for (JsonNode k : json.get("candidates")) {
      for (JsonNode app : k.get("apps")) {
        assertTrue(!app.asText().equals("invoices"), "invoices is in the core");
      }
    }
    String text = Cli.run("seams", project, "--candidates").ok().out();
    assertTrue(text.contains("1. ledger, payments (cluster "), text);

    // Its plan: the routes, nginx, the crossing imports and the replay list, also as TOML.
    Path toml = dir.resolve("replay.toml");
    String plan = Cli.run("seams", project, "--candidate", "1", "--replay", toml).ok().out();
    assertTrue(plan.contains("location ^~ /payments/ { proxy_pass http://strangled; }"), plan);
    assertTrue(plan.contains("out: payments.views -> invoices.models"), plan);
    JsonNode read = new com.fasterxml.jackson.dataformat.toml.TomlMapper().readTree(toml.toFile());
    long captured = 0;
    for (JsonNode r : read.get("replay")) {
      captured += r.get("captured").asLong();
      assertTrue(r.get("samples").asLong() <= r.get("captured").asLong());
    }
    assertEquals(payments, captured);
    assertEquals(
        "no candidate of rank 9: there are " + json.get("candidates").size(),
        Cli.run("seams", project, "--candidate", "9").err().strip().replaceFirst("^.*?: ", ""));
  }

  @Test
  void theAuditorWeighsTheRanking() throws Exception {
    Path copy = dir.resolve("weights.audit");
    Files.copy(project, copy);
    // Ease alone: api (2 imports across its cut) before ledger and payments (8).
    Cli.run(
            "config",
            copy,
            "strangler.value_weight=0",
            "strangler.coverage_weight=0",
            "strangler.ease_weight=1")
        .ok();
    JsonNode json =
        new ObjectMapper()
            .readTree(Cli.run("seams", copy, "--candidates", "--format", "json").ok().out());
    assertEquals("[\"api\"]", json.get("candidates").get(0).get("apps").toString());
    assertEquals("0", json.get("settings").get("strangler.value_weight").asText());
    Cli bad = Cli.run("config", copy, "strangler.halving_imports=0");
    assertTrue(bad.code() != 0);
    assertTrue(bad.err().contains("strangler.halving_imports must be 1 or more"), bad.err());
    assertTrue(Cli.run("config", copy).ok().out().contains("strangler.halving_imports"));
  }

  @Test
  void aRoundOpenedOnTheDemoHoldsItsRescanAndIsComparedWithTheBaseline() throws Exception {
    Path copy = dir.resolve("rounds.audit");
    Files.copy(project, copy);
    assertTrue(Cli.run("round", "list", copy).ok().out().startsWith("baseline"));
    assertTrue(
        Cli.run("round", "new", copy, "after sprint 2")
            .ok()
            .out()
            .startsWith("Round 1 'after sprint 2' is open"));
    Cli again = Cli.run("round", "new", copy, "after sprint 2");
    assertEquals(2, again.code());
    assertTrue(
        again.err().contains("there is already a round named 'after sprint 2'"), again.err());
    // The same commit scanned again in the round: nothing the scan reports is fixed or new; the
    // imported tools were not run again and are named.
    Cli.run("scan", copy).ok();
    JsonNode json =
        new ObjectMapper().readTree(Cli.run("compare", copy, "--format", "json").ok().out());
    assertEquals("baseline", json.get("from").get("name").asText());
    assertEquals(0, json.get("findings").get("fixed").size());
    assertEquals(0, json.get("findings").get("added").size());
    assertTrue(json.get("findings").get("notRechecked").toString().contains("radon"));
    assertTrue(!json.get("trafficAfter").asBoolean(), "no capture imported in the round");
    String text = Cli.run("compare", copy).ok().out();
    assertTrue(text.contains("No traffic captured in round 1 'after sprint 2'"), text);
    assertEquals(2, Cli.run("compare", copy, "--to", "nine").code());
  }
}
