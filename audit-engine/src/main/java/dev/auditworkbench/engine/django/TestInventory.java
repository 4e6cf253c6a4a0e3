package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test functions and methods, and those skipped with the reason given. */
final class TestInventory {
  private static final Set<String> SKIP_DECORATORS =
      Set.of(
          "unittest.skip",
          "skip",
          "unittest.skipIf",
          "skipIf",
          "unittest.skipUnless",
          "skipUnless",
          "pytest.mark.skip",
          "pytest.mark.skipif",
          "mark.skip",
          "mark.skipif");
  private final PythonNames py;

  TestInventory(PythonNames py) {
    this.py = py;
  }

  List<DjangoInventory.Test> tests() {
    List<DjangoInventory.Test> out = new ArrayList<>();
    for (ModuleFacts m : py.byModule().values()) {
      String last = m.module().substring(m.module().lastIndexOf('.') + 1);
      boolean testModule =
          last.equals("tests")
              || last.startsWith("test_")
              || last.endsWith("_tests")
              || m.module().contains(".tests.");
      if (!testModule) {
        continue;
      }
      Map<String, String> classSkips = new HashMap<>();
      for (ModuleFacts.ClassDef c : m.classes()) {
        skipReason(c.decorators()).ifPresent(r -> classSkips.put(c.qualname(), r));
      }
      for (ModuleFacts.FunctionDef f : m.functions()) {
        if (!f.name().startsWith("test")) {
          continue;
        }
        String reason =
            skipReason(f.decorators())
                .orElse(f.className() == null ? null : classSkips.get(f.className()));
        out.add(
            new DjangoInventory.Test(m.module() + "." + f.qualname(), m.path(), f.line(), reason));
      }
    }
    return out;
  }

  private static Optional<String> skipReason(List<String> decorators) {
    for (String d : decorators) {
      String bare = d.contains("(") ? d.substring(0, d.indexOf('(')) : d;
      if (SKIP_DECORATORS.contains(bare)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
