package dev.auditworkbench.engine.scan;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.repo.ParsedFile;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A Python file that is not valid Python 3: syntax errors or Python 2 statements. In a legacy
 * Django monolith these are dead scripts nobody can run, or code that breaks the upgrade; every
 * other analysis of the file is partial. False positives: files meant for another interpreter
 * (a Python 2 deploy tool kept on purpose).
 */
final class ParseErrorRule implements Rule {
  @Override
  public String id() {
    return "workbench.parse-error";
  }

  @Override
  public String description() {
    return "Python files that do not parse as Python 3 (syntax errors, Python 2 print/exec statements)";
  }

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    for (ModuleSummary m : a.summaries()) {
      if (m.problems().isEmpty()) {
        continue;
      }
      ParsedFile.Problem first = m.problems().get(0);
      String all = m.problems().stream().limit(20).map(p -> "line " + p.line() + ": " + p.message())
          .collect(Collectors.joining("\n"));
      boolean py2 = m.problems().stream().anyMatch(p -> p.message().startsWith("Python 2"));
      out.accept(RawFinding.builder(id())
          .title((py2 ? "Python 2 code: " : "Syntax error: ") + m.path() + " does not parse as Python 3")
          .description("The file cannot be run by a Python 3 interpreter (" + m.problems().size()
              + " problem(s), first at line " + first.line() + "). Remove it if it is dead, or port it.")
          .category(Category.MAINTAINABILITY).severity(Severity.MEDIUM).confidence(Confidence.HIGH)
          .path(m.path()).lines(first.line(), first.line())
          .evidence(Evidence.Kind.TEXT, all)
          .defaultEffort(Effort.of(Effort.Size.S))
          .build());
    }
  }
}
