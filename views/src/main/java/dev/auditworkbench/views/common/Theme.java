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

  public void apply() {
    Application.setUserAgentStylesheet(
        this == DARK
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  public Theme other() {
    return this == DARK ? LIGHT : DARK;
  }
}
