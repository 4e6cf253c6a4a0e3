package dev.auditworkbench.engine.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Node positions in the copied tree, read the fast way (the binding's layout checked at start-up).
 */
class TreeSitterPythonParserTest {
  @Test
  void startBytesAreReadFromTheNodeAndMatchTheSource() {
    assertTrue(
        TreeSitterPythonParser.readsNodesDirectly(),
        "the bonede TSNode layout changed: nodes are read through the accessors (slower, still correct)");
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
