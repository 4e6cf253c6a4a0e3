package dev.auditworkbench.views.seams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.seams.SeamMap;
import org.junit.jupiter.api.Test;

class SeamsViewTest {
  @Test
  void aCutIsSaidInWords() {
    assertEquals(
        "Clusters 1 and 4: 4 imports and 1 co-change cross this cut (2 links)",
        SeamsView.cutInWords(new SeamMap.Cut(0, 3, 4, 1, 2)));
    assertEquals(
        "Clusters 2 and 3: 1 import and no co-change cross this cut (1 link)",
        SeamsView.cutInWords(new SeamMap.Cut(1, 2, 1, 0, 1)));
  }
}
