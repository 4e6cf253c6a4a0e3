package dev.auditworkbench.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.dot.DOTImporter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/** Names with quotes, ampersands, angle brackets and backslashes survive DOT and GraphML. */
class GraphExportTest {
  private static final List<String> NAMES = List.of("billing", "a\"b", "x&<y>", "back\\slash");

  private static Graph<String, Integer> graph() {
    Graph<String, Integer> g = new DirectedPseudograph<>(null, null, false);
    NAMES.forEach(g::addVertex);
    for (int i = 1; i < NAMES.size(); i++) {
      g.addEdge(NAMES.get(0), NAMES.get(i), i);
    }
    return g;
  }

  @Test
  void dotReadsBackWithTheSameNames() {
    String dot =
        GraphExport.dot(
            graph(),
            "imports",
            n -> n,
            Map.of("rankdir", "LR"),
            n -> Map.of("shape", "box"),
            e -> Map.of("label", "3 \"lines\""));
    assertTrue(dot.contains("digraph imports {"), dot);
    int[] edge = {0};
    Graph<String, Integer> back = new DirectedPseudograph<>(null, () -> edge[0]++, false);
    DOTImporter<String, Integer> importer = new DOTImporter<>();
    importer.setVertexFactory(id -> id);
    importer.importGraph(back, new StringReader(dot));
    assertEquals(new TreeSet<>(NAMES), new TreeSet<>(back.vertexSet()));
    assertEquals(3, back.edgeSet().size());
  }

  @Test
  void graphMlIsWellFormedXmlWithTheNamesAsIds() throws Exception {
    String xml =
        GraphExport.graphMl(
            graph(),
            n -> n,
            List.of(new GraphExport.Key("modules", AttributeType.INT)),
            n -> Map.of("modules", n.length()),
            List.of(new GraphExport.Key("lines", AttributeType.STRING)),
            e -> Map.of("lines", "[1, 2] & <more>"));
    var doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    NodeList nodes = doc.getElementsByTagName("node");
    Set<String> ids = new TreeSet<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      ids.add(nodes.item(i).getAttributes().getNamedItem("id").getNodeValue());
    }
    assertEquals(new TreeSet<>(NAMES), ids);
    assertTrue(xml.contains("[1, 2] &amp; &lt;more&gt;"), xml);
  }
}
