package dev.auditworkbench.app.cli;

/** The CLI's exit codes; documented in README.md and docs/cli.md. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int USAGE = 2;
  public static final int BAD_INPUT = 3;
  public static final int PROJECT_FILE = 4;
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
