package dev.auditworkbench.engine.store;

/**
 * The database failed underneath an operation (disk full, I/O error). The operation rolled back.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
