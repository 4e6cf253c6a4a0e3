package dev.auditworkbench.importers.brokenarrows;

/** Breaks two arrows on purpose: an importer reading the store, and using another importer's package. */
public final class ImporterReadingTheStore {
  public Object breaks(java.sql.Connection c) {
    new dev.auditworkbench.importers.bandit.BanditJsonImporter();
    return new dev.auditworkbench.engine.store.FindingRepository(c);
  }
}
