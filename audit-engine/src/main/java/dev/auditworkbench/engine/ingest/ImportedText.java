package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.spi.SecretDetector;
import dev.auditworkbench.engine.spi.Secrets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every text a tool hands over goes through before it is stored: secrets masked with the
 * shared {@link SecretDetector} (a bandit "Possible hardcoded password: 'x'" keeps no password),
 * and each field cut to a size a project can always read back, with a marker saying how much was
 * cut. One 21 MB message must never make a project unreadable.
 */
final class ImportedText {
  /** Longest title kept: a title is one line in a list. */
  static final int MAX_TITLE = 1_000;

  /** Longest description, symbol or evidence text kept. */
  static final int MAX_TEXT = 64 * 1024;

  private ImportedText() {}

  /** The finding with its texts masked and capped; {@code cut} hears of each field that was cut. */
  static RawFinding clean(RawFinding raw, Cut cut) {
    // A secret seen in one field (a scanner's message quoting it) is masked in every field, even
    // where it stands in a shape the detector would not know (a short password in a code snippet).
    Set<String> seen = new HashSet<>();
    collect(raw.title(), seen);
    collect(raw.description(), seen);
    collect(raw.symbol(), seen);
    raw.evidence().forEach(e -> collect(e.text(), seen));
    String title = cap(mask(oneLine(raw.title()), seen), MAX_TITLE, "title", cut);
    String description = cap(mask(raw.description(), seen), MAX_TEXT, "description", cut);
    String symbol = cap(mask(raw.symbol(), seen), MAX_TITLE, "symbol", cut);
    List<Evidence> evidence = new ArrayList<>(raw.evidence().size());
    boolean changed =
        !title.equals(raw.title())
            || !same(description, raw.description())
            || !same(symbol, raw.symbol());
    for (Evidence e : raw.evidence()) {
      String text = cap(mask(e.text(), seen), MAX_TEXT, "evidence", cut);
      changed |= !text.equals(e.text());
      evidence.add(text.equals(e.text()) ? e : new Evidence(e.kind(), text));
    }
    if (!changed) {
      return raw;
    }
    return new RawFinding(
        raw.ruleKey(),
        raw.nativeRuleId(),
        title,
        description,
        raw.category(),
        raw.severity(),
        raw.confidence(),
        raw.rawPath(),
        raw.startLine(),
        raw.endLine(),
        symbol,
        raw.sourceLine(),
        raw.keyEvidence(),
        evidence,
        raw.cwe(),
        raw.owasp(),
        raw.defaultImpact(),
        raw.defaultEffort());
  }

  private static void collect(String text, Set<String> into) {
    if (text == null || text.isEmpty()) {
      return;
    }
    for (String line : text.split("\n", -1)) {
      SecretDetector.find(line, SecretDetector.Flavour.TOOL_TEXT)
          .forEach(h -> into.add(h.secret()));
    }
  }

  private static String mask(String text, Set<String> secrets) {
    return secrets.isEmpty() ? text : Secrets.redact(SecretDetector.maskText(text), secrets);
  }

  /** Told of every field that was too long, with its length. */
  @FunctionalInterface
  interface Cut {
    void cut(String field, int length);
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  private static String oneLine(String s) {
    return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  static String cap(String s, int max, String field, Cut cut) {
    if (s == null || s.length() <= max) {
      return s;
    }
    cut.cut(field, s.length());
    int end = max;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end)
        + String.format(Locale.ROOT, " [... cut: %,d characters in all]", s.length());
  }
}
