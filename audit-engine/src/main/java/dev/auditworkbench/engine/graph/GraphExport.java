package dev.auditworkbench.engine.graph;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * Graphs as Graphviz DOT and GraphML through jgrapht-io, which escapes ids and values (a module or
 * app name with a quote, an ampersand or a backslash still gives a valid file). One place for both
 * the import graph and the seam map.
 */
public final class GraphExport {
  /** An attribute of a GraphML vertex or edge: its name and type. */
  public record Key(String name, AttributeType type) {}

  private GraphExport() {}

  /**
   * DOT with string ids quoted and escaped.
   *
   * @param graphAttributes e.g. {@code rankdir=LR}
   * @param vertexAttributes per vertex, e.g. {@code label}, {@code color}
   * @param edgeAttributes per edge, e.g. {@code label}, {@code penwidth}
   */
  public static <V, E> String dot(
      Graph<V, E> graph,
      String name,
      Function<V, String> id,
      Map<String, String> graphAttributes,
      Function<V, Map<String, String>> vertexAttributes,
      Function<E, Map<String, String>> edgeAttributes) {
    DOTExporter<V, E> exporter = new DOTExporter<>(v -> quoted(id.apply(v)));
    exporter.setGraphIdProvider(() -> name);
    exporter.setGraphAttributeProvider(() -> attributes(graphAttributes));
    exporter.setVertexAttributeProvider(v -> attributes(vertexAttributes.apply(v)));
    exporter.setEdgeAttributeProvider(e -> attributes(edgeAttributes.apply(e)));
    StringWriter out = new StringWriter();
    exporter.exportGraph(graph, out);
    return out.toString();
  }

  /** GraphML with typed data keys for vertices and edges. */
  public static <V, E> String graphMl(
      Graph<V, E> graph,
      Function<V, String> id,
      List<Key> vertexKeys,
      Function<V, Map<String, Object>> vertexData,
      List<Key> edgeKeys,
      Function<E, Map<String, Object>> edgeData) {
    GraphMLExporter<V, E> exporter = new GraphMLExporter<>(id::apply);
    exporter.setExportEdgeWeights(false);
    vertexKeys.forEach(
        k ->
            exporter.registerAttribute(k.name(), GraphMLExporter.AttributeCategory.NODE, k.type()));
    edgeKeys.forEach(
        k ->
            exporter.registerAttribute(k.name(), GraphMLExporter.AttributeCategory.EDGE, k.type()));
    exporter.setVertexAttributeProvider(v -> typed(vertexData.apply(v)));
    exporter.setEdgeAttributeProvider(e -> typed(edgeData.apply(e)));
    StringWriter out = new StringWriter();
    exporter.exportGraph(graph, out);
    return out.toString();
  }

  /** A DOT id for any name: double-quoted, with quotes and backslashes escaped. */
  public static String quoted(String name) {
    return "\"" + escaped(name) + "\"";
  }

  /** A name inside a double-quoted DOT string: quotes and backslashes escaped. */
  public static String escaped(String name) {
    return name.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static Map<String, Attribute> attributes(Map<String, String> values) {
    Map<String, Attribute> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, DefaultAttribute.createAttribute(v)));
    return out;
  }

  private static Map<String, Attribute> typed(Map<String, Object> values) {
    Map<String, Attribute> out = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (v instanceof Integer i) {
            out.put(k, DefaultAttribute.createAttribute(i));
          } else if (v instanceof Boolean b) {
            out.put(k, DefaultAttribute.createAttribute(b));
          } else {
            out.put(k, DefaultAttribute.createAttribute(String.valueOf(v)));
          }
        });
    return out;
  }
}
