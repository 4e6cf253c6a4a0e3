package dev.auditworkbench.engine.spi;

/** Where an importer sends what it reads. */
public interface FindingSink {

  /** One finding as the tool reported it. */
  void accept(RawFinding finding);

  /** The tool's version, when the input says it. */
  void toolVersion(String version);

  /**
   * The tool that produced this input, when the format names it (SARIF's driver, for example); call
   * it before the first finding. Without it, the importer's {@link Importer#tool()} is used.
   */
  default void tool(String name) {}

  /** Test coverage of one file (statements and branches, total and covered). */
  default void coverage(
      String rawPath, int statements, int covered, int branches, int coveredBranches) {}

  /** One statement from a query log or trace (statistics and per-request windows are kept). */
  default void query(QueryEvent event) {}

  /** The request or session the importer called {@code session} is over. */
  default void endSession(String session) {}

  /** The route a session served, when the source names it (a trace's server span). */
  default void sessionRoute(String session, String route) {}

  /** An execution plan (EXPLAIN JSON, as text) for a statement. */
  default void plan(String sql, double durationMs, String planJson, long line) {}

  /** Cumulative statistics of one statement (pg_stat_statements). */
  default void statementStats(String sql, long calls, double totalMs, double maxMs, long rows) {}

  /** One HTTP request from an access log or a trace. */
  default void request(HttpEvent event) {}

  /** An installed package and the newest release its index offers ({@code pip list --outdated}). */
  default void packageRelease(String name, String installed, String latest) {}

  /**
   * A package installed in the client's environment (pipdeptree), with the Django requirement the
   * installed release declares, or null when it declares none.
   */
  default void installedPackage(String name, String version, String djangoRequirement) {}

  /** One input record (a result, a log line) was read, whether or not it made a finding. */
  void recordRead();

  /**
   * The input says it scanned this file (as the tool wrote the path). When an input names what it
   * scanned, only findings in those files can go "not seen since" this import; otherwise all of the
   * tool's earlier findings can.
   */
  void scanned(String rawPath);

  /** Something in the input was skipped or looked odd; kept with the import's summary. */
  void warn(long line, String message);

  /**
   * How the input was read (which columns, which layout); kept with the import's summary, not a
   * warning.
   */
  default void note(String message) {}
}
