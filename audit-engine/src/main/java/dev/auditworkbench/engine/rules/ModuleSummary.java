package dev.auditworkbench.engine.rules;

import dev.auditworkbench.engine.repo.LineCounts;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.ParsedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Size and complexity of one Python file, as stored with a scan. */
public record ModuleSummary(
    String path,
    String module,
    LineCounts lines,
    List<ParsedFile.Problem> problems,
    List<Block> blocks) {

  /** A function, method or class with its lines and radon complexity. */
  public record Block(String kind, String qualname, int line, int endLine, int complexity) {
    public int length() {
      return endLine - line + 1;
    }
  }

  public static ModuleSummary of(ModuleFacts m) {
    List<Block> blocks = new ArrayList<>();
    for (ModuleFacts.ClassDef c : m.classes()) {
      blocks.add(new Block("class", c.qualname(), c.line(), c.endLine(), c.complexity()));
    }
    for (ModuleFacts.FunctionDef f : m.functions()) {
      blocks.add(
          new Block(
              f.className() == null || f.isClosure() ? "function" : "method",
              f.qualname(),
              f.line(),
              f.endLine(),
              f.complexity()));
    }
    blocks.sort(Comparator.comparingInt(Block::line).thenComparing(Block::qualname));
    return new ModuleSummary(m.path(), m.module(), m.lines(), m.problems(), blocks);
  }
}
