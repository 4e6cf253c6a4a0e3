package dev.auditworkbench.importers.coverage;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.Locale;

/**
 * Records a file's coverage and, for a module of at least {@value #MIN_STATEMENTS} statements
 * covered below {@value #MAX_PERCENT}%, a testing finding: a large module that changes without a
 * safety net. Migrations and test files are not judged.
 */
final class PoorCoverage {
  static final int MIN_STATEMENTS = 50;
  static final int MAX_PERCENT = 50;

  private PoorCoverage() {}

  static void report(
      FindingSink sink,
      String tool,
      String path,
      int statements,
      int covered,
      int branches,
      int coveredBranches) {
    sink.recordRead();
    sink.coverage(path, statements, covered, branches, coveredBranches);
    String p = path.replace('\\', '/');
    if (statements < MIN_STATEMENTS
        || p.contains("/migrations/")
        || p.matches(".*(^|/)(tests?/|test_[^/]*|[^/]*_tests?\\.py$|tests\\.py$).*")) {
      return;
    }
    double percent = 100.0 * covered / statements;
    if (percent >= MAX_PERCENT) {
      return;
    }
    String pct = String.format(Locale.ROOT, "%.0f%%", percent);
    sink.accept(
        RawFinding.builder("coverage.low-module")
            .nativeRuleId("low-coverage")
            .title("Poorly tested: " + p + " (" + pct + " of " + statements + " statements)")
            .description(
                p
                    + " has "
                    + covered
                    + " of "
                    + statements
                    + " statements covered by tests ("
                    + pct
                    + ")"
                    + (branches > 0
                        ? " and " + coveredBranches + " of " + branches + " branches"
                        : "")
                    + ". Changes to it are unprotected; add characterisation tests before refactoring it.")
            .category(Category.TESTING)
            .severity(percent < 20 ? Severity.MEDIUM : Severity.LOW)
            .confidence(Confidence.HIGH)
            .path(path)
            .keyEvidence("")
            .evidence(
                Evidence.Kind.TEXT,
                tool
                    + ": "
                    + covered
                    + "/"
                    + statements
                    + " statements, "
                    + coveredBranches
                    + "/"
                    + branches
                    + " branches")
            .defaultImpact(Impact.of(percent < 20 ? 3 : 2))
            .defaultEffort(Effort.of(statements > 300 ? Effort.Size.L : Effort.Size.M))
            .build());
  }
}
