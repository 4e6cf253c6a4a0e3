package dev.auditworkbench.engine.repo;

import java.util.List;

/**
 * A parsed Python file.
 *
 * @param problems lines where the file is not valid Python 3 (syntax errors, Python 2 statements)
 */
public record ParsedFile(String path, SourceText source, SyntaxNode root, List<Problem> problems) {
  /** Why a line is not valid Python 3. */
  public record Problem(int line, String message) {}

  public ParsedFile {
    problems = List.copyOf(problems);
  }

  public boolean isValidPython3() {
    return problems.isEmpty();
  }
}
