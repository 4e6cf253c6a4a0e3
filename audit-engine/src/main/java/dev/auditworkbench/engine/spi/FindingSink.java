package dev.auditworkbench.engine.spi;

/** Where an importer sends what it reads. */
public interface FindingSink {

  /** One finding as the tool reported it. */
  void accept(RawFinding finding);

  /** The tool's version, when the input says it. */
  void toolVersion(String version);

  /**
   * The tool that produced this input, when the format names it (SARIF's driver, for example);
   * call it before the first finding. Without it, the importer's {@link Importer#tool()} is used.
   */
  default void tool(String name) {}

  /** Test coverage of one file (statements and branches, total and covered). */
  default void coverage(String rawPath, int statements, int covered, int branches, int coveredBranches) {}

  /** One input record (a result, a log line) was read, whether or not it made a finding. */
  void recordRead();

  /**
   * The input says it scanned this file (as the tool wrote the path). When an input names what it
   * scanned, only findings in those files can go "not seen since" this import; otherwise all of
   * the tool's earlier findings can.
   */
  void scanned(String rawPath);

  /** Something in the input was skipped or looked odd; kept with the import's summary. */
  void warn(long line, String message);
}
