package dev.auditworkbench.app;

import dev.auditworkbench.app.cli.WorkbenchCommand;
import dev.auditworkbench.views.common.Offline;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point: the CLI when given a command, the desktop app otherwise (also when given just a
 * .audit file, as the desktop's file association does).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    dev.auditworkbench.app.gui.StartupMarks.mark("main entered");
    Offline.install();
    AppLog.install();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    String[] effective = args.length == 0 ? new String[] {"open"} : args;
    if (args.length == 1 && args[0].endsWith(".audit")) {
      effective = new String[] {"open", args[0]}; // a project opened from the file manager
    }
    System.exit(WorkbenchCommand.run(out, err, effective));
  }
}
