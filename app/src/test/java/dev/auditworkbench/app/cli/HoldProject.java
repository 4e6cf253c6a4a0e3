package dev.auditworkbench.app.cli;

import dev.auditworkbench.engine.store.ProjectStore;
import java.nio.file.Path;

/** Test helper run in a child JVM: opens a project and keeps it open until stdin closes. */
public final class HoldProject {
  private HoldProject() {}

  public static void main(String[] args) throws Exception {
    try (ProjectStore store = ProjectStore.open(Path.of(args[0]))) {
      System.out.println("open " + store.file());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin (or kill us)
      }
    }
  }
}
