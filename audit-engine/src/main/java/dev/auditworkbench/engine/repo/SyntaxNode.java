package dev.auditworkbench.engine.repo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One named node of a parsed Python file, copied out of the parser so no native object escapes the
 * parser adapter. Types are tree-sitter-python's ("function_definition", "call", ...). Lines are
 * 1-based.
 */
public final class SyntaxNode {
  private final String type;
  private final String field;
  private final int startByte;
  private final int endByte;
  private final int startLine;
  private final int endLine;
  private final boolean missing;
  private final SourceText source;
  private final List<SyntaxNode> children = new ArrayList<>();

  SyntaxNode(
      String type,
      String field,
      int startByte,
      int endByte,
      int startLine,
      int endLine,
      boolean missing,
      SourceText source) {
    this.type = type;
    this.field = field;
    this.startByte = startByte;
    this.endByte = endByte;
    this.startLine = startLine;
    this.endLine = endLine;
    this.missing = missing;
    this.source = source;
  }

  /**
   * A node whose lines are read off the source by byte offset (the last line is that of its last
   * byte).
   */
  static SyntaxNode at(
      String type, String field, int startByte, int endByte, boolean missing, SourceText source) {
    int start = source.lineOf(startByte);
    int end = endByte > startByte ? source.lineOf(endByte - 1) : start;
    return new SyntaxNode(type, field, startByte, endByte, start, end, missing, source);
  }

  void add(SyntaxNode child) {
    children.add(child);
  }

  public String type() {
    return type;
  }

  /** The field name this node has in its parent ("name", "body", ...), or null. */
  public String field() {
    return field;
  }

  public int startLine() {
    return startLine;
  }

  public int endLine() {
    return endLine;
  }

  public int startByte() {
    return startByte;
  }

  public int endByte() {
    return endByte;
  }

  public boolean isMissing() {
    return missing;
  }

  public boolean isError() {
    return "ERROR".equals(type) || missing;
  }

  public String text() {
    return source.slice(startByte, endByte);
  }

  public List<SyntaxNode> children() {
    return children;
  }

  /** The first child with the given field name. */
  public Optional<SyntaxNode> child(String fieldName) {
    for (SyntaxNode c : children) {
      if (fieldName.equals(c.field)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public List<SyntaxNode> childrenWithField(String fieldName) {
    List<SyntaxNode> out = new ArrayList<>();
    for (SyntaxNode c : children) {
      if (fieldName.equals(c.field)) {
        out.add(c);
      }
    }
    return out;
  }

  public List<SyntaxNode> childrenOfType(String childType) {
    List<SyntaxNode> out = new ArrayList<>();
    for (SyntaxNode c : children) {
      if (childType.equals(c.type)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Visits this node and every descendant, depth first, in source order. */
  public void walk(Consumer<SyntaxNode> visitor) {
    List<SyntaxNode> stack = new ArrayList<>();
    stack.add(this);
    while (!stack.isEmpty()) {
      SyntaxNode n = stack.remove(stack.size() - 1);
      visitor.accept(n);
      for (int i = n.children.size() - 1; i >= 0; i--) {
        stack.add(n.children.get(i));
      }
    }
  }

  @Override
  public String toString() {
    return type + "@" + startLine;
  }
}
