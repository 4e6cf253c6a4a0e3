package dev.auditworkbench.engine.queries;

/** Concrete paths for route patterns, to resolve a route to its view. */
final class RouteSamples {
  private RouteSamples() {}

  /**
   * A concrete path matching a route pattern ("invoices/<int:pk>/" -> "invoices/1/") for resolving.
   */
  static String samplePath(String pattern) {
    return pattern
        .replaceAll("<int:\\w+>|\\{id}", "1")
        .replaceAll("<(?:\\w+:)?\\w+>", "x")
        .replaceAll("\\(\\?P<\\w+>[^)]*\\)", "1")
        .replace("^", "")
        .replace("$", "");
  }
}
