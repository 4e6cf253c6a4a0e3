package dev.auditworkbench.views.shell;

import javafx.scene.input.KeyCombination;

/** Every user action with its label and shortcut; menus and the shortcuts page are built from it. */
public enum WorkbenchAction {
  IMPORT("Import...", "Shortcut+I"),
  RELOAD("Reload", "F5"),
  RESCAN("Re-scan repository", "Shortcut+R"),
  SHOW_OVERVIEW("Overview", "Shortcut+1"),
  SHOW_FINDINGS("Findings", "Shortcut+2"),
  SHOW_SEAMS("Seams", "Shortcut+3"),
  SHOW_QUERIES("Queries", "Shortcut+4"),
  SHOW_REPORT("Report", "Shortcut+5"),
  SHOW_MATRIX("Matrix", "Shortcut+6"),
  SHOW_BOARD("Board", "Shortcut+7"),
  FIND("Find in findings", "Shortcut+F"),
  TOGGLE_THEME("Light or dark theme", "Shortcut+Shift+D"),
  CLOSE_PROJECT("Close project", "Shortcut+W"),
  QUIT("Quit", "Shortcut+Q"),
  SHORTCUTS("Keyboard shortcuts", "F1");

  private final String label;
  private final String shortcut;

  WorkbenchAction(String label, String shortcut) {
    this.label = label;
    this.shortcut = shortcut;
  }

  public String label() {
    return label;
  }

  public KeyCombination keys() {
    return KeyCombination.valueOf(shortcut);
  }

  /** The shortcut as shown on this platform, e.g. "Ctrl+I". */
  public String keysText() {
    return keys().getDisplayText();
  }
}
