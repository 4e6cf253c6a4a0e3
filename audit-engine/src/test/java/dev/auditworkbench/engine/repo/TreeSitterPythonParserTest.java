package dev.auditworkbench.engine.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node positions in the copied tree, read through the binding's public accessors. */
class TreeSitterPythonParserTest {
  @Test
  void startBytesAreReadFromTheNodeAndMatchTheSource() {
    String text = "import os\n\n\ndef f(x):\n    \"\"\"é\"\"\"\n    return os.path.join(x, 'ü')\n";
    ParsedFile parsed = new TreeSitterPythonParser().parse("m.py", text);
    List<String> calls = new ArrayList<>();
    parsed
        .root()
        .walk(
            n -> {
              if (n.type().equals("call") || n.type().equals("function_definition")) {
                calls.add(n.type() + "@" + n.startLine() + ":" + n.text());
              }
            });
    assertEquals(
        List.of(
            "function_definition@4:def f(x):\n    \"\"\"é\"\"\"\n    return os.path.join(x, 'ü')",
            "call@6:os.path.join(x, 'ü')"),
        calls);
  }
}
