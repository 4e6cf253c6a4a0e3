package dev.auditworkbench.engine.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node of an execution plan, read from EXPLAIN's JSON format (also auto_explain's) or its text
 * format, with what plan analysis needs.
 */
public record PlanNode(
    String nodeType,
    String relation,
    String index,
    String filter,
    String indexCond,
    double planRows,
    double actualRows,
    long loops,
    long removedByFilter,
    String sortSpaceType,
    String sortMethod,
    long hashBatches,
    long tempWritten,
    List<PlanNode> children) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NODE =
      Pattern.compile(
          "^(\\s*)(?:->\\s+)?([A-Z][A-Za-z ]+?)(?: using (\\S+))?(?: on (\\S+)(?: \\S+)?)?\\s+\\(cost=[^)]*rows=(\\d+)[^)]*\\)"
              + "(?: \\(actual time=[^)]*rows=(\\d+) loops=(\\d+)\\))?.*$");

  /** Visits this node and every node below it. */
  public void walk(Consumer<PlanNode> visitor) {
    visitor.accept(this);
    children.forEach(c -> c.walk(visitor));
  }

  /** The root plan of stored plan text: JSON (an EXPLAIN array, an object with "Plan") or text. */
  public static PlanNode parse(String stored) {
    String s = stored.strip();
    if (s.startsWith("[") || s.startsWith("{")) {
      try {
        JsonNode root = JSON.readTree(s);
        JsonNode top = root.isArray() ? root.path(0) : root;
        return fromJson(top.has("Plan") ? top.get("Plan") : top);
      } catch (IOException e) {
        throw new IllegalArgumentException("not an EXPLAIN JSON plan: " + e.getMessage(), e);
      }
    }
    return fromText(s);
  }

  static PlanNode fromJson(JsonNode n) {
    List<PlanNode> children = new ArrayList<>();
    for (JsonNode c : n.path("Plans")) {
      children.add(fromJson(c));
    }
    String cond =
        n.has("Index Cond") ? n.get("Index Cond").asText() : n.path("Recheck Cond").asText(null);
    return new PlanNode(
        n.path("Node Type").asText(),
        n.path("Relation Name").asText(null),
        n.path("Index Name").asText(null),
        n.path("Filter").asText(null),
        cond,
        n.path("Plan Rows").asDouble(),
        n.path("Actual Rows").asDouble(-1),
        n.path("Actual Loops").asLong(1),
        n.path("Rows Removed by Filter").asLong(0),
        n.path("Sort Space Type").asText(null),
        n.path("Sort Method").asText(null),
        n.path("Hash Batches").asLong(0),
        n.path("Temp Written Blocks").asLong(0),
        children);
  }

  static PlanNode fromText(String text) {
    List<Builder> stack = new ArrayList<>();
    Builder root = null;
    for (String line : text.lines().toList()) {
      Matcher m = NODE.matcher(line);
      if (m.matches() && line.contains("(cost=")) {
        int indent = line.indexOf(m.group(2));
        Builder b =
            new Builder(
                indent,
                m.group(2).strip(),
                m.group(4),
                m.group(3),
                Double.parseDouble(m.group(5)),
                m.group(6) == null ? -1 : Double.parseDouble(m.group(6)),
                m.group(7) == null ? 1 : Long.parseLong(m.group(7)));
        while (!stack.isEmpty() && stack.get(stack.size() - 1).indent >= indent) {
          stack.remove(stack.size() - 1);
        }
        if (stack.isEmpty()) {
          if (root == null) {
            root = b;
          }
        } else {
          stack.get(stack.size() - 1).children.add(b);
        }
        stack.add(b);
        continue;
      }
      if (stack.isEmpty()) {
        continue;
      }
      Builder b = stack.get(stack.size() - 1);
      String t = line.strip();
      if (t.startsWith("Filter: ")) {
        b.filter = t.substring(8);
      } else if (t.startsWith("Index Cond: ") || t.startsWith("Recheck Cond: ")) {
        b.indexCond = t.substring(t.indexOf(": ") + 2);
      } else if (t.startsWith("Rows Removed by Filter: ")) {
        b.removed = Long.parseLong(t.substring(24).strip());
      } else if (t.startsWith("Sort Method: ")) {
        b.sortMethod = t.substring(13).replaceAll("\\s+(Memory|Disk): .*$", "");
        b.sortSpace = t.contains("Disk:") ? "Disk" : "Memory";
      } else if (t.startsWith("Buckets: ") && t.contains("Batches: ")) {
        Matcher batches = Pattern.compile("Batches: (\\d+)").matcher(t);
        if (batches.find()) {
          b.batches = Long.parseLong(batches.group(1));
        }
      }
    }
    if (root == null) {
      throw new IllegalArgumentException("no plan node (a line with \"(cost=\") in the plan text");
    }
    return root.build();
  }

  private static final class Builder {
    final int indent;
    final String type;
    final String relation;
    final String index;
    final double planRows;
    final double actualRows;
    final long loops;
    final List<Builder> children = new ArrayList<>();
    String filter;
    String indexCond;
    long removed;
    String sortMethod;
    String sortSpace;
    long batches;

    Builder(
        int indent,
        String type,
        String relation,
        String index,
        double planRows,
        double actualRows,
        long loops) {
      this.indent = indent;
      this.type = type;
      this.relation = relation;
      this.index = index;
      this.planRows = planRows;
      this.actualRows = actualRows;
      this.loops = loops;
    }

    PlanNode build() {
      return new PlanNode(
          type,
          relation,
          index,
          filter,
          indexCond,
          planRows,
          actualRows,
          loops,
          removed,
          sortSpace,
          sortMethod,
          batches,
          0,
          children.stream().map(Builder::build).toList());
    }
  }
}
