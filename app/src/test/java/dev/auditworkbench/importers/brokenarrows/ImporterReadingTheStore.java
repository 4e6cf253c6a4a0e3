package dev.auditworkbench.importers.brokenarrows;

import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.importers.bandit.BanditJsonImporter;
import java.sql.Connection;

/**
 * Breaks two arrows on purpose: an importer reading the store, and using another importer's
 * package.
 */
public final class ImporterReadingTheStore {
  public Object breaks(Connection c) {
    new BanditJsonImporter();
    return new FindingRepository(c);
  }
}
