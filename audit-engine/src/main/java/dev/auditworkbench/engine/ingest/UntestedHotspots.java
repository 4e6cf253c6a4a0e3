package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.store.CoverageRepository;
import dev.auditworkbench.engine.store.FindingRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hotspots (the files that change most, times their complexity) that the tests barely cover: the
 * riskiest code to change, found by joining the scan's hotspots with the latest coverage.
 * Recomputed in full (tool {@value #TOOL}) after every coverage import and every scan, like the
 * query findings.
 */
public final class UntestedHotspots {
  public static final String TOOL = "workbench-coverage";

  /** A hotspot covered less than this (percent of statements) is reported. */
  static final double UNDER = 60;

  private UntestedHotspots() {}

  public static int[] refresh(
      Connection c, long importId, Instant now, Path repo, ProgressListener listener)
      throws SQLException {
    Map<String, CoverageRepository.FileCoverage> coverage =
        new CoverageRepository(c)
            .latest().stream()
                .filter(CoverageRepository.FileCoverage::inRepo)
                .collect(
                    Collectors.toMap(
                        CoverageRepository.FileCoverage::path, Function.identity(), (a, b) -> a));
    List<RawFinding> out = new ArrayList<>();
    if (!coverage.isEmpty()) {
      try (FindingRepository findings = new FindingRepository(c)) {
        for (Finding h : findings.all()) {
          if (!h.ruleId().equals("history.hotspot") || h.gone() || h.location().path() == null) {
            continue;
          }
          CoverageRepository.FileCoverage cov = coverage.get(h.location().path());
          if (cov == null || cov.percent() >= UNDER) {
            continue;
          }
          out.add(
              RawFinding.builder("testing.untested-hotspot")
                  .nativeRuleId("untested-hotspot")
                  .title(
                      String.format(
                          Locale.ROOT,
                          "Untested hotspot: %s (%.0f%% of %d statements covered)",
                          h.location().path(),
                          cov.percent(),
                          cov.statements()))
                  .description(
                      String.format(
                          Locale.ROOT,
                          "%s is one of the files that change most and are most complex (%s),"
                              + " and the tests cover %.0f%% of its statements (%d of %d). Every change to it is a gamble: write"
                              + " characterisation tests for its current behaviour before changing it.",
                          h.location().path(),
                          h.title(),
                          cov.percent(),
                          cov.covered(),
                          cov.statements()))
                  .category(Category.TESTING)
                  .severity(Severity.MEDIUM)
                  .confidence(Confidence.HIGH)
                  .path(h.location().path())
                  .lines(1, 1)
                  .symbol(h.location().symbol())
                  .keyEvidence("untested-hotspot")
                  .evidence(
                      Evidence.Kind.TEXT,
                      String.format(
                          Locale.ROOT,
                          "%s; coverage %d/%d statements, %d/%d branches",
                          h.title(),
                          cov.covered(),
                          cov.statements(),
                          cov.coveredBranches(),
                          cov.branches()))
                  .defaultImpact(Impact.of(4))
                  .defaultEffort(Effort.of(cov.statements() > 300 ? Effort.Size.L : Effort.Size.M))
                  .build());
        }
      }
    }
    return FindingWriter.replaceDerived(c, TOOL, importId, now, repo, listener, out);
  }
}
