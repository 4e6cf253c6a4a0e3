package dev.auditworkbench.app.brokenarrows;

import dev.auditworkbench.engine.store.ProjectRepository;
import java.net.Socket;
import java.sql.Connection;

/** Breaks arrows on purpose: a CLI command writing through a repository, and opening a socket. */
public final class CommandUsingARepository {
  public void breaks(Connection c) throws Exception {
    new ProjectRepository(c).put("k", "v");
    try (Socket s = new Socket()) {
      s.setSoTimeout(1);
    }
  }
}
