package dev.auditworkbench.engine.upgrade;

import dev.auditworkbench.engine.spi.SecretDetector;

/**
 * One place the code uses something a later Django or Python removes: the table row's id
 * ("ugettext", or "python:distutils"), the file and line, and the code as written there with any
 * secret on it masked (the text is stored, printed by `workbench upgrade`, the report and the app).
 */
public record ApiUse(String id, String path, int line, String text) {
  public ApiUse {
    text = path == null ? text : SecretDetector.maskLine(text, SecretDetector.flavourOf(path));
  }
}
