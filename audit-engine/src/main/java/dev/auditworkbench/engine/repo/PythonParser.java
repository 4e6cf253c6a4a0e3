package dev.auditworkbench.engine.repo;

/**
 * Parses Python source error-tolerantly: a file with syntax errors or Python 2 statements still
 * gives a tree for everything around the errors, plus the problems found. Implementations are
 * confined to one thread each.
 */
public interface PythonParser extends AutoCloseable {
  ParsedFile parse(String path, String text);

  @Override
  void close();
}
