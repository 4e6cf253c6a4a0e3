package dev.auditworkbench.engine.testing;

import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.HttpEvent;
import dev.auditworkbench.engine.spi.QueryEvent;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything an importer reports, for importer tests. */
public final class CollectingSink implements FindingSink {
  public final List<RawFinding> findings = new ArrayList<>();
  public final List<String> warnings = new ArrayList<>();
  public final List<String> notes = new ArrayList<>();
  public String toolVersion;
  public long recordsRead;
  public final List<String> scanned = new ArrayList<>();
  public final List<QueryEvent> queries = new ArrayList<>();
  public final List<HttpEvent> requests = new ArrayList<>();
  public final List<String> endedSessions = new ArrayList<>();

  /** Installed packages: name, version, Django requirement (null for none). */
  public final List<String[]> installed = new ArrayList<>();

  @Override
  public void installedPackage(String name, String version, String djangoRequirement) {
    installed.add(new String[] {name, version, djangoRequirement});
  }

  public final List<String> sessionRoutes = new ArrayList<>();

  /** sql, duration, plan text. */
  public final List<String[]> plans = new ArrayList<>();

  /** sql, calls, total ms, max ms, rows. */
  public final List<Object[]> statementStats = new ArrayList<>();

  /** name, installed, latest */
  public final List<List<String>> packageReleases = new ArrayList<>();

  @Override
  public void packageRelease(String name, String installed, String latest) {
    packageReleases.add(List.of(name, installed, latest));
  }

  @Override
  public void query(QueryEvent event) {
    queries.add(event);
  }

  @Override
  public void endSession(String session) {
    endedSessions.add(session);
  }

  @Override
  public void sessionRoute(String session, String route) {
    sessionRoutes.add(session + " " + route);
  }

  @Override
  public void plan(String sql, double durationMs, String planJson, long line) {
    plans.add(new String[] {sql, String.valueOf(durationMs), planJson});
  }

  @Override
  public void statementStats(String sql, long calls, double totalMs, double maxMs, long rows) {
    statementStats.add(new Object[] {sql, calls, totalMs, maxMs, rows});
  }

  @Override
  public void request(HttpEvent event) {
    requests.add(event);
  }

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
  public void note(String message) {
    notes.add(message);
  }

  @Override
  public void warn(long line, String message) {
    warnings.add(line + ": " + message);
  }
}
