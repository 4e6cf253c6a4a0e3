package dev.auditworkbench.engine.spi;

/** Long work stopped because the user cancelled it; whatever it wrote is rolled back. */
public final class CancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CancelledException() {
    super("cancelled");
  }
}
