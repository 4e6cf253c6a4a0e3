package dev.auditworkbench.views.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.application.Platform;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * A WebView for text the app renders itself (the report preview, a note's preview): JavaScript off,
 * no context menu, and no navigation: a click on a link or a refresh that would take it to another
 * location is cancelled and the page shown again. Content is only ever given with {@link #show};
 * the process-wide offline guard refuses any network load a page still asks for.
 */
public final class LockedWebView {
  static {
    Offline.install();
  }

  private final WebView view = new WebView();
  private String content = "";

  public LockedWebView(String id) {
    view.setId(id);
    WebEngine engine = view.getEngine();
    engine.setJavaScriptEnabled(false);
    view.setContextMenuEnabled(false);
    engine
        .locationProperty()
        .addListener(
            (o, before, location) -> {
              if (location != null && !location.isEmpty() && !location.equals("about:blank")) {
                Platform.runLater(
                    () -> {
                      engine.getLoadWorker().cancel();
                      engine.loadContent(content, "text/html");
                    });
              }
            });
  }

  /** The node to place in a scene. */
  public WebView node() {
    return view;
  }

  /**
   * Adds CSS of the app's own over whatever page is shown (given as a data: URL, so nothing is read
   * from anywhere).
   */
  public void setUserStyle(String css) {
    String encoded = Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    view.getEngine().setUserStyleSheetLocation("data:text/css;charset=utf-8;base64," + encoded);
  }

  /** Shows this HTML (never a URL). */
  public void show(String html) {
    content = html == null ? "" : html;
    view.getEngine().loadContent(content, "text/html");
  }
}
