package dev.auditworkbench.importers.zap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import dev.auditworkbench.engine.testing.Resources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ZapImportersTest {
  @TempDir Path tmp;

  private static Path sample(String name) {
    return Resources.path(ZapImportersTest.class, "samples/zap/" + name);
  }

  private static Document dom(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  private static String child(Element e, String name) {
    NodeList l = e.getElementsByTagName(name);
    return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip();
  }

  private static List<Element> alerts(Document d) {
    List<Element> out = new ArrayList<>();
    NodeList items = d.getElementsByTagName("alertitem");
    for (int i = 0; i < items.getLength(); i++) {
      Element e = (Element) items.item(i);
      if (!child(e, "confidence").equals("0")) {
        out.add(e);
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"0_zap_sample.xml", "dvwa_baseline_dojo.xml", "some_2.9.0.xml"})
  void oneFindingPerAlertWithItsRiskAndUrls(String name) throws Exception {
    List<Element> expected = alerts(dom(sample(name)));
    assertEquals("zap-xml", ImporterRegistry.load().detect(sample(name)).id());
    CollectingSink sink = new CollectingSink();
    new ZapXmlImporter().parse(new FileInput(sample(name)), sink);
    assertEquals(expected.size(), sink.findings.size());
    for (int i = 0; i < expected.size(); i++) {
      RawFinding f = sink.findings.get(i);
      Element e = expected.get(i);
      assertEquals(child(e, "pluginid"), f.nativeRuleId());
      int risk = Integer.parseInt(child(e, "riskcode"));
      assertEquals(
          risk == 3
              ? Severity.HIGH
              : risk == 2 ? Severity.MEDIUM : risk == 1 ? Severity.LOW : Severity.INFO,
          f.severity());
      int instances = e.getElementsByTagName("instance").getLength();
      assertTrue(
          f.title().endsWith("(" + instances + (instances == 1 ? " URL)" : " URLs)")), f.title());
      if (!child(e, "cweid").isEmpty()
          && !child(e, "cweid").equals("-1")
          && !child(e, "cweid").equals("0")) {
        assertEquals(List.of(Integer.parseInt(child(e, "cweid"))), f.cwe());
      }
    }
  }

  /** The same alerts written in ZAP's JSON layout give the same findings. */
  @Test
  void jsonReportOfTheSameAlertsGivesTheSameFindings() throws Exception {
    Document d = dom(sample("0_zap_sample.xml"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("@version", "2.9.0");
    ArrayNode sites = root.putArray("site");
    NodeList siteNodes = d.getElementsByTagName("site");
    for (int s = 0; s < siteNodes.getLength(); s++) {
      Element site = (Element) siteNodes.item(s);
      ObjectNode siteJson = sites.addObject();
      siteJson.put("@name", site.getAttribute("name"));
      ArrayNode alertArray = siteJson.putArray("alerts");
      NodeList items = site.getElementsByTagName("alertitem");
      for (int i = 0; i < items.getLength(); i++) {
        Element e = (Element) items.item(i);
        ObjectNode a = alertArray.addObject();
        for (String field :
            List.of(
                "pluginid",
                "alert",
                "name",
                "riskcode",
                "confidence",
                "desc",
                "solution",
                "otherinfo",
                "reference",
                "cweid",
                "wascid")) {
          a.put(field, child(e, field));
        }
        ArrayNode inst = a.putArray("instances");
        NodeList instances = e.getElementsByTagName("instance");
        for (int k = 0; k < instances.getLength(); k++) {
          Element in = (Element) instances.item(k);
          ObjectNode o = inst.addObject();
          for (String field : List.of("uri", "method", "param", "evidence")) {
            o.put(field, child(in, field));
          }
        }
      }
    }
    Path asJson = tmp.resolve("zap.json");
    json.writeValue(asJson.toFile(), root);
    assertEquals("zap-json", ImporterRegistry.load().detect(asJson).id());
    CollectingSink fromXml = new CollectingSink();
    new ZapXmlImporter().parse(new FileInput(sample("0_zap_sample.xml")), fromXml);
    CollectingSink fromJson = new CollectingSink();
    new ZapJsonImporter().parse(new FileInput(asJson), fromJson);
    assertEquals(fromXml.findings, fromJson.findings);
  }
}
