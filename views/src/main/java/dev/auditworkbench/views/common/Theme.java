package dev.auditworkbench.views.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/**
 * The two looks of the app; app.css uses AtlantaFX's looked-up colours, so both apply to it too.
 */
public enum Theme {
  LIGHT,
  DARK;

  /**
   * Sets the look for every window. AtlantaFX's stylesheets are loaded in their compiled form
   * (.bss): parsing the 170 KB CSS was a third of a second of the first frame.
   */
  public void apply() {
    Application.setUserAgentStylesheet(
        this == DARK
            ? new PrimerDark().getUserAgentStylesheetBSS()
            : new PrimerLight().getUserAgentStylesheetBSS());
  }

  public Theme other() {
    return this == DARK ? LIGHT : DARK;
  }
}
