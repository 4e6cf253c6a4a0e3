package dev.auditworkbench.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NewBenchTest {
  @Test
  void theScansOwnSecondsAreReadFromWhatWorkbenchNewPrints() {
    String printed =
        "Created /tmp/nn/x.audit for repository /tmp/corpus-all/wger\n"
            + "Repository scanned 808 files (717 Python, 83115 lines, 52120 code) at no git commit"
            + " in 1.1 s: 63 models, 286 routes, 1076 import edges, 4 cycles, 0 files not valid"
            + " Python 3; findings 181 new, 0 unchanged, 0 gone\n";
    assertEquals(1.1, NewBench.scanSeconds(printed), 1e-9);
    assertEquals(-1, NewBench.scanSeconds("workbench: cannot write x.audit"), 1e-9);
  }
}
