package dev.auditworkbench.importers.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * EXPLAIN output saved to a file: {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} (an array of plan
 * objects, as psql prints it) or the text format (psql's "QUERY PLAN" table or bare plan lines).
 * Plans are small: the file is read whole (at most 64 MB).
 */
public final class ExplainImporter implements Importer {
  static final String FORMAT = "EXPLAIN plan (JSON or text)";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_BYTES = 64L << 20;

  @Override
  public String id() {
    return "postgres-explain";
  }

  @Override
  public String displayName() {
    return "PostgreSQL EXPLAIN";
  }

  @Override
  public String tool() {
    return "postgresql";
  }

  @Override
  public String description() {
    return "EXPLAIN (ANALYZE, BUFFERS) plans in JSON or text, for sequential scans, misestimates and spills.";
  }

  @Override
  public double detect(FileSample sample) {
    if (sample.binary()) {
      return 0;
    }
    String head = sample.trimmedHead();
    if ((head.startsWith("[") || head.startsWith("{"))
        && head.contains("\"Plan\"")
        && head.contains("\"Node Type\"")) {
      return 0.95;
    }
    return head.contains("(cost=")
            && (head.startsWith("QUERY PLAN") || head.matches("(?s)^[A-Z][A-Za-z ]+( on \\S+)?.*"))
        ? 0.85
        : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    String text;
    try (InputStream in = input.open()) {
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw BadInputException.whole(input.path(), FORMAT, "larger than 64 MB; not a saved plan");
      }
      text = new String(bytes, StandardCharsets.UTF_8).strip();
    }
    String label = "/* EXPLAIN " + input.path().getFileName() + " */";
    if (text.startsWith("[") || text.startsWith("{")) {
      JsonNode root;
      try {
        root = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        throw BadInputException.atLine(
            input.path(), line, FORMAT, "malformed JSON: " + e.getOriginalMessage());
      }
      int n = 0;
      for (JsonNode plan : root.isArray() ? root : JSON.createArrayNode().add(root)) {
        if (!plan.has("Plan") || !plan.get("Plan").has("Node Type")) {
          throw BadInputException.whole(
              input.path(), FORMAT, "plan " + (n + 1) + " has no \"Plan\" with a \"Node Type\"");
        }
        n++;
        sink.recordRead();
        String sql = plan.path("Query Text").asText(label);
        sink.plan(
            sql,
            plan.path("Execution Time")
                .asDouble(plan.path("Plan").path("Actual Total Time").asDouble(0)),
            plan.toString(),
            1);
      }
      if (n == 0) {
        throw BadInputException.whole(input.path(), FORMAT, "an empty list of plans");
      }
      return;
    }
    StringBuilder plan = new StringBuilder();
    double execution = 0;
    for (String line : text.lines().toList()) {
      String t = line.strip();
      if (t.equals("QUERY PLAN") || t.matches("-+") || t.matches("\\(\\d+ rows?\\)")) {
        continue;
      }
      if (t.startsWith("Execution Time:")) {
        execution = Double.parseDouble(t.replaceAll("[^0-9.]", ""));
      }
      plan.append(line).append('\n');
    }
    if (plan.indexOf("(cost=") < 0 && plan.indexOf("(actual") < 0) {
      throw BadInputException.atLine(
          input.path(), 1, FORMAT, "no plan node (a line with \"(cost=\") found");
    }
    sink.recordRead();
    sink.plan(label, execution, plan.toString(), 1);
  }
}
