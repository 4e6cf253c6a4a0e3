package dev.auditworkbench.app.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;

/** Bandit reports derived from real ones (a later scan) or generated in bandit's layout (load). */
public final class BanditReports {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BanditReports() {}

  /**
   * The report as a later scan of edited code would give it: results matching {@code drop} fixed
   * (gone), and every result in {@code shiftedFile} moved down {@code shift} lines.
   */
  static void laterScan(
      Path original, Path target, Predicate<JsonNode> drop, String shiftedFile, int shift)
      throws IOException {
    ObjectNode root = (ObjectNode) MAPPER.readTree(original.toFile());
    ArrayNode kept = MAPPER.createArrayNode();
    for (JsonNode r : root.get("results")) {
      if (drop.test(r)) {
        continue;
      }
      ObjectNode copy = r.deepCopy();
      if (r.get("filename").asText().equals(shiftedFile)) {
        copy.put("line_number", r.get("line_number").asInt() + shift);
        ArrayNode range = MAPPER.createArrayNode();
        r.get("line_range").forEach(n -> range.add(n.asInt() + shift));
        copy.set("line_range", range);
        copy.put("code", renumber(r.get("code").asText(), shift));
      }
      kept.add(copy);
    }
    root.set("results", kept);
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), root);
  }

  private static String renumber(String code, int shift) {
    StringBuilder sb = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      int space = line.indexOf(' ');
      if (space > 0 && line.substring(0, space).chars().allMatch(Character::isDigit)) {
        sb.append(Integer.parseInt(line.substring(0, space)) + shift).append(line.substring(space));
      } else {
        sb.append(line);
      }
      sb.append('\n');
    }
    return sb.substring(0, sb.length() - 1);
  }

  /** A large report in bandit's JSON layout: {@code n} distinct B608 results over 500 files. */
  public static void generate(Path target, int n) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(target.toFile(), JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeArrayFieldStart("errors");
      g.writeEndArray();
      g.writeStringField("generated_at", "2026-11-20T10:00:00Z");
      g.writeObjectFieldStart("metrics");
      g.writeObjectFieldStart("_totals");
      g.writeNumberField("SEVERITY.MEDIUM", n);
      g.writeNumberField("CONFIDENCE.LOW", n);
      g.writeEndObject();
      g.writeEndObject();
      g.writeArrayFieldStart("results");
      for (int i = 0; i < n; i++) {
        int line = 10 + i / 500;
        String src = "cursor.execute(\"SELECT * FROM invoice WHERE id = %s\" % ids[" + i + "])";
        g.writeStartObject();
        g.writeStringField("code", line + " " + src + "\n");
        g.writeStringField("filename", "./billing/module_" + (i % 500) + ".py");
        g.writeStringField("issue_confidence", "LOW");
        g.writeStringField("issue_severity", "MEDIUM");
        g.writeStringField(
            "issue_text", "Possible SQL injection vector through string-based query construction.");
        g.writeNumberField("line_number", line);
        g.writeArrayFieldStart("line_range");
        g.writeNumber(line);
        g.writeEndArray();
        g.writeStringField(
            "more_info",
            "https://bandit.readthedocs.io/en/latest/plugins/b608_hardcoded_sql_expressions.html");
        g.writeStringField("test_id", "B608");
        g.writeStringField("test_name", "hardcoded_sql_expressions");
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }
}
