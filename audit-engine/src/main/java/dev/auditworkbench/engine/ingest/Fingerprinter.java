package dev.auditworkbench.engine.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A finding's identity across re-imports: SHA-256 over the tool-family rule key, the repo-relative
 * path, an anchor that survives line shifts (the normalised source line, else the symbol, else the
 * line number) and the key evidence. When one input reports the same key twice (the same statement
 * twice in a file), the second gets "#2" and so on, in input order, as CodeQL's
 * primaryLocationLineHash does.
 */
public final class Fingerprinter {
  /** Hex characters kept: 128 bits, ample for one project. */
  public static final int LENGTH = 32;

  private final Map<String, Integer> seen = new HashMap<>();

  public String fingerprint(String ruleKey, String path, String anchor, String keyEvidence) {
    String key =
        ruleKey
            + '\u0000'
            + nullToEmpty(path)
            + '\u0000'
            + anchor
            + '\u0000'
            + nullToEmpty(keyEvidence);
    int occurrence = seen.merge(key, 1, Integer::sum);
    if (occurrence > 1) {
      key = key + "\u0000#" + occurrence;
    }
    return sha256(key).substring(0, LENGTH);
  }

  /** The line-shift-proof anchor: normalised source, else symbol, else "L" + line. */
  public static String anchor(String sourceLine, String symbol, int line) {
    if (sourceLine != null && !sourceLine.isBlank()) {
      return "src:" + sourceLine.strip().replaceAll("\\s+", " ");
    }
    if (symbol != null && !symbol.isBlank()) {
      return "sym:" + symbol;
    }
    return "L" + line;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
