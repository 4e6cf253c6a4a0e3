package dev.auditworkbench.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class FingerprinterTest {
  @Test
  void sameCodeOnAShiftedLineKeepsItsFingerprint() {
    String before =
        new Fingerprinter()
            .fingerprint("bandit.B101", "a.py", Fingerprinter.anchor("  assert x", null, 10), "");
    String after =
        new Fingerprinter()
            .fingerprint("bandit.B101", "a.py", Fingerprinter.anchor("assert   x ", null, 42), "");
    assertEquals(before, after);
  }

  @Test
  void ruleAndPathAndKeyEvidenceAllCount() {
    String base = new Fingerprinter().fingerprint("bandit.B101", "a.py", "src:assert x", "");
    assertNotEquals(
        base, new Fingerprinter().fingerprint("bandit.B102", "a.py", "src:assert x", ""));
    assertNotEquals(
        base, new Fingerprinter().fingerprint("bandit.B101", "b.py", "src:assert x", ""));
    assertNotEquals(
        base, new Fingerprinter().fingerprint("bandit.B101", "a.py", "src:assert x", "k"));
  }

  @Test
  void aRepeatedKeyInOneInputGetsAnOccurrenceNumber() {
    Fingerprinter fp = new Fingerprinter();
    String first = fp.fingerprint("bandit.B101", "a.py", "src:assert x", "");
    String second = fp.fingerprint("bandit.B101", "a.py", "src:assert x", "");
    assertNotEquals(first, second);
    Fingerprinter again = new Fingerprinter();
    assertEquals(first, again.fingerprint("bandit.B101", "a.py", "src:assert x", ""));
    assertEquals(second, again.fingerprint("bandit.B101", "a.py", "src:assert x", ""));
  }

  @Test
  void anchorFallsBackToSymbolThenLine() {
    assertEquals(
        "sym:shop.views.OrderList.get", Fingerprinter.anchor(null, "shop.views.OrderList.get", 3));
    assertEquals("L3", Fingerprinter.anchor(" ", null, 3));
  }
}
