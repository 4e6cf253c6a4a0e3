package dev.auditworkbench.engine.repo.rules;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.rules.ModuleSummary;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.rules.Thresholds;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.List;
import java.util.function.Consumer;

/** The size and complexity rules; each is small, so they share this file's helpers. */
final class SizeRules {
  private SizeRules() {}

  static List<Rule> all() {
    return List.of(new FatModule(), new FatClass(), new LongFunction(), new ComplexFunction());
  }

  /**
   * A module far larger than the rest of the codebase: in Django monoliths the models.py or
   * views.py that holds half the business and that every change touches. Fat when its code lines
   * reach threshold.fat_module_lines, or threshold.fat_module_floor and fat_module_factor times the
   * repo's 75th-percentile module. False positives: generated modules (migrations are skipped),
   * settings with long literal tables.
   */
  static final class FatModule implements Rule {
    @Override
    public String id() {
      return "workbench.fat-module";
    }

    @Override
    public String description() {
      return "Modules far larger than the rest (default: 500 code lines, or 150 and 3x the 75th percentile)";
    }

    @Override
    public void check(RepoAnalysis a, Consumer<RawFinding> out) {
      List<ModuleSummary> code =
          a.summaries().stream()
              .filter(m -> !m.path().contains("/migrations/") && m.lines().code() > 0)
              .toList();
      int[] sizes = code.stream().mapToInt(m -> m.lines().code()).sorted().toArray();
      int p75 = sizes.length == 0 ? 0 : sizes[(int) Math.floor(0.75 * (sizes.length - 1))];
      Thresholds t = a.thresholds();
      for (ModuleSummary m : code) {
        int lines = m.lines().code();
        boolean fat =
            lines >= t.fatModuleLines()
                || (lines >= t.fatModuleFloor() && lines >= t.fatModuleFactor() * p75);
        if (!fat) {
          continue;
        }
        int complexity =
            m.blocks().stream()
                .filter(b -> !b.kind().equals("class"))
                .mapToInt(ModuleSummary.Block::complexity)
                .sum();
        double times = p75 == 0 ? 0 : (double) lines / p75;
        out.accept(
            RawFinding.builder(id())
                .title("Fat module: " + m.path() + " (" + lines + " code lines)")
                .description(
                    String.format(
                        "%s has %d code lines and %d functions and methods with total complexity %d;"
                            + " the repo's 75th-percentile module has %d code lines (%.1fx). Split it by responsibility before"
                            + " it grows further.",
                        m.path(), lines, m.blocks().size(), complexity, p75, times))
                .category(Category.MAINTAINABILITY)
                .severity(lines >= 2 * t.fatModuleLines() ? Severity.HIGH : Severity.MEDIUM)
                .confidence(Confidence.HIGH)
                .path(m.path())
                .lines(1, m.lines().total())
                .symbol(m.module())
                .evidence(
                    Evidence.Kind.TEXT,
                    "code lines "
                        + lines
                        + ", comment lines "
                        + m.lines().comment()
                        + ", blank lines "
                        + m.lines().blank()
                        + "; repo p75 "
                        + p75)
                .defaultImpact(Impact.of(3))
                .defaultEffort(Effort.of(Effort.Size.L))
                .build());
      }
    }
  }

  /** A class whose body is longer than threshold.fat_class_lines: the god model or god view. */
  static final class FatClass implements Rule {
    @Override
    public String id() {
      return "workbench.fat-class";
    }

    @Override
    public String description() {
      return "Classes longer than threshold.fat_class_lines (default 300 lines)";
    }

    @Override
    public void check(RepoAnalysis a, Consumer<RawFinding> out) {
      for (ModuleSummary m : a.summaries()) {
        for (ModuleSummary.Block b : m.blocks()) {
          if (b.kind().equals("class") && b.length() > a.thresholds().fatClassLines()) {
            out.accept(
                block(
                    id(),
                    m,
                    b,
                    "Fat class: " + b.qualname() + " (" + b.length() + " lines)",
                    spans(b),
                    Severity.MEDIUM,
                    Effort.Size.L));
          }
        }
      }
    }
  }

  /** A function longer than threshold.long_function_lines: usually several jobs in one. */
  static final class LongFunction implements Rule {
    @Override
    public String id() {
      return "workbench.long-function";
    }

    @Override
    public String description() {
      return "Functions and methods longer than threshold.long_function_lines (default 80 lines)";
    }

    @Override
    public void check(RepoAnalysis a, Consumer<RawFinding> out) {
      for (ModuleSummary m : a.summaries()) {
        for (ModuleSummary.Block b : m.blocks()) {
          if (!b.kind().equals("class") && b.length() > a.thresholds().longFunctionLines()) {
            out.accept(
                block(
                    id(),
                    m,
                    b,
                    "Long function: " + b.qualname() + " (" + b.length() + " lines)",
                    spans(b),
                    Severity.LOW,
                    Effort.Size.M));
          }
        }
      }
    }
  }

  /**
   * A function whose cyclomatic complexity (as radon computes it) is above threshold.complexity:
   * each branch is a path a test has to cover; above 20 (radon D) changes break things. False
   * positives: flat dispatch tables written as if/elif chains.
   */
  static final class ComplexFunction implements Rule {
    @Override
    public String id() {
      return "complexity.function";
    }

    @Override
    public String description() {
      return "Functions with radon cyclomatic complexity above threshold.complexity (default 10, rank C and worse)";
    }

    @Override
    public void check(RepoAnalysis a, Consumer<RawFinding> out) {
      for (ModuleSummary m : a.summaries()) {
        for (ModuleSummary.Block b : m.blocks()) {
          if (!b.kind().equals("class") && b.complexity() > a.thresholds().complexity()) {
            Severity severity =
                b.complexity() > 30
                    ? Severity.HIGH
                    : b.complexity() > 20 ? Severity.MEDIUM : Severity.LOW;
            out.accept(
                block(
                    id(),
                    m,
                    b,
                    "Complex function: "
                        + b.qualname()
                        + " (complexity "
                        + b.complexity()
                        + ", rank "
                        + rank(b.complexity())
                        + ")",
                    b.qualname()
                        + " has cyclomatic complexity "
                        + b.complexity()
                        + " (radon rank "
                        + rank(b.complexity())
                        + ").",
                    severity,
                    b.complexity() > 20 ? Effort.Size.M : Effort.Size.S));
          }
        }
      }
    }
  }

  /** radon's letter ranks. */
  static String rank(int complexity) {
    int[] bounds = {5, 10, 20, 30, 40};
    String[] ranks = {"A", "B", "C", "D", "E"};
    for (int i = 0; i < bounds.length; i++) {
      if (complexity <= bounds[i]) {
        return ranks[i];
      }
    }
    return "F";
  }

  private static RawFinding block(
      String id,
      ModuleSummary m,
      ModuleSummary.Block b,
      String title,
      String description,
      Severity severity,
      Effort.Size effort) {
    return RawFinding.builder(id)
        .title(title)
        .description(description)
        .category(Category.MAINTAINABILITY)
        .severity(severity)
        .confidence(Confidence.HIGH)
        .path(m.path())
        .lines(b.line(), b.endLine())
        .symbol(m.module() + "." + b.qualname())
        .evidence(
            Evidence.Kind.TEXT,
            b.kind()
                + " "
                + b.qualname()
                + ": lines "
                + b.line()
                + "-"
                + b.endLine()
                + ", complexity "
                + b.complexity())
        .defaultEffort(Effort.of(effort))
        .build();
  }

  /** "Foo.bar spans 120 lines with complexity 14.": what a long block's finding says. */
  private static String spans(ModuleSummary.Block b) {
    return b.qualname() + " spans " + b.length() + " lines with complexity " + b.complexity() + ".";
  }
}
