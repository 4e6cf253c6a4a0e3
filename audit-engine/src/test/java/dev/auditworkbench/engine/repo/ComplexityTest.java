package dev.auditworkbench.engine.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.testing.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Complexity counted as radon counts it, checked against radon 5.1.0's own output for the same file
 * (test resources radon/, made by capture.sh): a try's else adds one however long it is, decisions
 * inside f-string fields count, and functions nested in functions are measured on their own
 * (radon's closures).
 */
class ComplexityTest {
  @Test
  void everyFunctionMethodAndClosureHasRadonsComplexity() throws Exception {
    Path dir = Resources.path(ComplexityTest.class, "radon/sample.py").getParent();
    Map<String, Integer> radon = new TreeMap<>();
    JsonNode blocks =
        new ObjectMapper().readTree(dir.resolve("sample-cc.json").toFile()).get("sample.py");
    collect(blocks, "", radon);
    Map<String, Integer> ours = new TreeMap<>();
    try (Python3Parser parser = new Python3Parser()) {
      ModuleFacts facts =
          FactExtractor.extract(
              parser.parse("sample.py", Files.readString(dir.resolve("sample.py"))), "sample");
      facts.functions().forEach(f -> ours.put(f.qualname(), f.complexity()));
    }
    assertEquals(radon, ours);
  }

  /**
   * Functions, methods (under their class) and closures (under their function), by qualified name.
   */
  private static void collect(JsonNode blocks, String prefix, Map<String, Integer> out) {
    for (JsonNode b : blocks) {
      String name = prefix + b.get("name").asText();
      if (b.get("type").asText().equals("class")) {
        collect(b.path("methods"), name + ".", out);
        continue;
      }
      if (b.get("type").asText().equals("method") && prefix.isEmpty()) {
        continue; // radon lists each method again at the top, without its class
      }
      out.put(name, b.get("complexity").asInt());
      collect(b.path("closures"), name + ".", out);
    }
  }
}
