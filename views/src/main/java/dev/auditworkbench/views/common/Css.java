package dev.auditworkbench.views.common;

import dev.auditworkbench.engine.model.Severity;
import java.util.Locale;

/** Style classes used by the views; the look lives in app.css. */
public final class Css {
  /** The app's stylesheet, on top of the AtlantaFX theme: every scene showing views adds it. */
  public static final String STYLESHEET =
      Css.class.getResource("/dev/auditworkbench/views/app.css").toExternalForm();

  public static final String SIDEBAR = "sidebar";
  public static final String STATUS_BAR = "status-bar";
  public static final String PAGE = "page";
  public static final String PAGE_TITLE = "page-title";

  /** A heading inside a page, below its title. */
  public static final String SECTION_TITLE = "section-title";

  public static final String TILE = "tile";
  public static final String TILE_NUMBER = "tile-number";
  public static final String TILE_LABEL = "tile-label";
  public static final String SEVERITY_BADGE = "severity-badge";
  public static final String START = "start";
  public static final String MUTED = "muted";
  public static final String BOLD = "bold";
  public static final String MONOSPACE = "monospace";

  /** A table cell holding a number: right-aligned. */
  public static final String NUMBER = "number";

  /** A field whose value is refused (red border). */
  public static final javafx.css.PseudoClass INVALID =
      javafx.css.PseudoClass.getPseudoClass("invalid");

  private Css() {}

  /** "severity-high" etc. */
  public static String severity(Severity s) {
    return "severity-" + s.name().toLowerCase(Locale.ROOT);
  }
}
