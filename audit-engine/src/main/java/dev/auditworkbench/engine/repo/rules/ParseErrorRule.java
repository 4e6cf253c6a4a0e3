package dev.auditworkbench.engine.repo.rules;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.repo.ParsedFile;
import dev.auditworkbench.engine.rules.ModuleSummary;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Python file that is not valid Python 3: syntax errors or Python 2 statements. In a legacy
 * Django monolith these are dead scripts nobody can run, or code that breaks the upgrade; every
 * other analysis of the file is partial. False positives: files meant for another interpreter (a
 * Python 2 deploy tool kept on purpose). Files whose only problems are Python 3.14's
 * unparenthesised {@code except A, B:} (PEP 758) are valid Python 3 and not reported.
 */
final class ParseErrorRule implements Rule {
  /**
   * {@code except ValueError, TypeError:}: Python 3.14 accepts it (PEP 758); Python 2's {@code
   * except ValueError, e:} binds a name, which is lower case by every convention.
   */
  private static final Pattern PEP_758 =
      Pattern.compile(
          "^\\s*except\\*?\\s+\\(?\\s*[\\w.]*[A-Z]\\w*(\\s*,\\s*[\\w.]*[A-Z]\\w*)+\\s*\\)?\\s*:");

  /** Whether every problem of the file is on an except line that Python 3.14 reads. */
  private static boolean onlyUnparenthesisedExcepts(RepoAnalysis a, ModuleSummary m) {
    try {
      List<String> lines = Files.readAllLines(a.repo().resolve(m.path()), StandardCharsets.UTF_8);
      return m.problems().stream()
          .allMatch(
              p ->
                  p.line() >= 1
                      && p.line() <= lines.size()
                      && PEP_758.matcher(lines.get(p.line() - 1)).find());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

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
      if (m.problems().isEmpty() || onlyUnparenthesisedExcepts(a, m)) {
        continue;
      }
      ParsedFile.Problem first = m.problems().get(0);
      String all =
          m.problems().stream()
              .limit(20)
              .map(p -> "line " + p.line() + ": " + p.message())
              .collect(Collectors.joining("\n"));
      boolean py2 = m.problems().stream().anyMatch(p -> p.message().startsWith("Python 2"));
      out.accept(
          RawFinding.builder(id())
              .title(
                  (py2 ? "Python 2 code: " : "Syntax error: ")
                      + m.path()
                      + " does not parse as Python 3")
              .description(
                  "The file cannot be run by a Python 3 interpreter ("
                      + m.problems().size()
                      + " problem(s), first at line "
                      + first.line()
                      + "). Remove it if it is dead, or port it.")
              .category(Category.MAINTAINABILITY)
              .severity(Severity.MEDIUM)
              .confidence(Confidence.HIGH)
              .path(m.path())
              .lines(first.line(), first.line())
              .evidence(Evidence.Kind.TEXT, all)
              .defaultEffort(Effort.of(Effort.Size.S))
              .build());
    }
  }
}
