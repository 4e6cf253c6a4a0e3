package dev.auditworkbench.importers.ruff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import dev.auditworkbench.engine.testing.Resources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuffJsonImporterTest {
  private static Path sample(String name) {
    return Resources.path(RuffJsonImporterTest.class, "samples/ruff/" + name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"output.json", "syntax_errors.json"})
  void oneFindingPerMessageWithCodeFileAndRow(String name) throws Exception {
    List<String> expected = new ArrayList<>();
    for (JsonNode m : new ObjectMapper().readTree(sample(name).toFile())) {
      String code = m.get("code").isNull() ? "syntax-error" : m.get("code").asText();
      expected.add(
          code + " " + m.get("filename").asText() + ":" + m.get("location").get("row").asInt());
    }
    assertEquals("ruff-json", ImporterRegistry.load().detect(sample(name)).id());
    CollectingSink sink = new CollectingSink();
    new RuffJsonImporter().parse(new FileInput(sample(name)), sink);
    assertEquals(
        expected,
        sink.findings.stream()
            .map(f -> f.nativeRuleId() + " " + f.rawPath() + ":" + f.startLine())
            .toList());
    if (name.startsWith("syntax")) {
      sink.findings.forEach(f -> assertEquals(Severity.MEDIUM, f.severity()));
    }
  }
}
