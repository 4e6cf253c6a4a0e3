package dev.auditworkbench.views.brokenarrows;

/** Breaks arrows on purpose: a view reading the store, and a web view outside the report preview. */
public final class ViewReadingTheStore {
  public javafx.scene.web.WebView web;

  public Object breaks(dev.auditworkbench.engine.store.ProjectStore store) {
    return store.read(c -> new dev.auditworkbench.engine.store.FindingRepository(c).all());
  }
}
