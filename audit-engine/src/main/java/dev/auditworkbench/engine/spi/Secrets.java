package dev.auditworkbench.engine.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Secrets found by scanners are never stored: importers keep a masked form for display and a hash
 * for the fingerprint, and redact the secret out of every text they pass on.
 */
public final class Secrets {
  private Secrets() {}

  /** "AKIA****************" : at most four leading characters, the rest as stars (at most 16). */
  public static String mask(String secret) {
    if (secret == null || secret.isEmpty()) {
      return "";
    }
    int keep = secret.length() <= 8 ? 0 : Math.min(4, secret.length() / 4);
    return secret.substring(0, keep)
        + "*".repeat(Math.max(4, Math.min(16, secret.length() - keep)));
  }

  /** Identifies a secret without revealing it (for fingerprints and "same secret" checks). */
  public static String hash(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The text with every occurrence of every secret replaced by its mask. */
  public static String redact(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      if (s != null && s.length() >= 4) {
        out = out.replace(s, mask(s));
      }
    }
    return out;
  }
}
