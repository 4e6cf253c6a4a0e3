package dev.auditworkbench.engine.model;

import java.util.Map;

/** Reading the project's settings ({@code workbench config}) the same way everywhere. */
public final class SettingValues {
  private SettingValues() {}

  /**
   * The whole number stored under {@code key}, or {@code fallback} when it is not set.
   *
   * @throws IllegalArgumentException naming the key when the value is not a whole number
   */
  public static int wholeNumber(Map<String, String> settings, String key, int fallback) {
    String v = settings.get(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, was '" + v + "'");
    }
  }
}
