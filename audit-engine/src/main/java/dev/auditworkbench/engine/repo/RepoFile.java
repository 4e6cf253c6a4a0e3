package dev.auditworkbench.engine.repo;

/** A file of the repository that analysis reads: repo-relative path with '/' and its size. */
public record RepoFile(String path, long size) {
  public boolean isPython() {
    return path.endsWith(".py");
  }

  public String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
