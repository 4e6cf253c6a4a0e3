package dev.auditworkbench.app.cli;

/** The command line named something that does not exist or is ambiguous; exit code 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
