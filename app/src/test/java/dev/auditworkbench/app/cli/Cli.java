package dev.auditworkbench.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and keeps what it printed. */
record Cli(int code, String out, String err) {
  static Cli run(Object... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] strings = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      strings[i] = String.valueOf(args[i]);
    }
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), strings);
    return new Cli(code, out.toString(), err.toString());
  }

  Cli ok() {
    if (code != 0) {
      throw new AssertionError("exit " + code + "\nstdout: " + out + "\nstderr: " + err);
    }
    return this;
  }
}
