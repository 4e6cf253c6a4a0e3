package dev.auditworkbench.app.brokenarrows;

/** Breaks arrows on purpose: a CLI command writing through a repository, and opening a socket. */
public final class CommandUsingARepository {
  public void breaks(java.sql.Connection c) throws Exception {
    new dev.auditworkbench.engine.store.ProjectRepository(c).put("k", "v");
    try (java.net.Socket s = new java.net.Socket()) {
      s.setSoTimeout(1);
    }
  }
}
