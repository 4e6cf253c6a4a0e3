package dev.auditworkbench.views.shell;

import javafx.scene.input.KeyCombination;

/**
 * Every user action with its label and shortcut; menus, the toolbar and the shortcuts page are
 * built from it. The pages come in the sidebar's order, Ctrl+1 to Ctrl+9.
 */
public enum WorkbenchAction {
  NEW_AUDIT("New audit...", "Shortcut+N"),
  OPEN("Open...", "Shortcut+O"),
  IMPORT("Import...", "Shortcut+I"),
  EXPORT_REPORT("Export report as PDF...", "Shortcut+E"),
  NEW_ROUND("New round and import...", "Shortcut+Shift+N"),
  EXPORT_TRIAGE("Export triage...", "Shortcut+Shift+E"),
  IMPORT_TRIAGE("Import triage...", "Shortcut+Shift+I"),
  RELOAD("Reload", "F5"),
  RESCAN("Re-scan repository", "Shortcut+R"),
  UNDO("Undo", "Shortcut+Z"),
  REDO("Redo", "Shortcut+Shift+Z"),
  SHOW_OVERVIEW("Overview", "Shortcut+1"),
  SHOW_FINDINGS("Findings", "Shortcut+2"),
  SHOW_BOARD("Board", "Shortcut+3"),
  SHOW_MATRIX("Matrix", "Shortcut+4"),
  SHOW_SEAMS("Seams", "Shortcut+5"),
  SHOW_QUERIES("Queries", "Shortcut+6"),
  SHOW_UPGRADE("Upgrade path", "Shortcut+7"),
  SHOW_PROGRESS("Progress", "Shortcut+8"),
  SHOW_REPORT("Report", "Shortcut+9"),
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
