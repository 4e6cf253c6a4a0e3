package dev.auditworkbench.views.brokenarrows;

import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import javafx.scene.web.WebView;

/**
 * Breaks arrows on purpose: a view reading the store, and a web view outside the report preview.
 */
public final class ViewReadingTheStore {
  public WebView web;

  public Object breaks(ProjectStore store) {
    return store.read(c -> new FindingRepository(c).all());
  }
}
