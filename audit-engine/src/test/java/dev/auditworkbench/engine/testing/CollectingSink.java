package dev.auditworkbench.engine.testing;

import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything an importer reports, for importer tests. */
public final class CollectingSink implements FindingSink {
  public final List<RawFinding> findings = new ArrayList<>();
  public final List<String> warnings = new ArrayList<>();
  public String toolVersion;
  public long recordsRead;
  public final List<String> scanned = new ArrayList<>();

  @Override
  public void scanned(String rawPath) {
    scanned.add(rawPath);
  }

  @Override
  public void accept(RawFinding finding) {
    findings.add(finding);
  }

  @Override
  public void toolVersion(String version) {
    toolVersion = version;
  }

  @Override
  public void recordRead() {
    recordsRead++;
  }

  @Override
  public void warn(long line, String message) {
    warnings.add(line + ": " + message);
  }
}
