package dev.auditworkbench.engine.model;

import java.nio.file.Path;

/** Who and what an audit is about. {@code repo} is the client's checkout on this machine. */
public record ProjectInfo(String client, String engagement, String auditor, Path repo) {
  public ProjectInfo {
    client = client == null ? "" : client;
    engagement = engagement == null ? "" : engagement;
    auditor = auditor == null ? "" : auditor;
  }
}
