package dev.auditworkbench.engine.repo;

import java.util.ArrayList;
import java.util.List;

/**
 * The last step of {@link FastPythonParser}: comments and line continuations attached to the nodes
 * tree-sitter attaches them to, then the tree converted to {@link SyntaxNode}s with byte ranges.
 */
final class CommentPlacement {
  private final Python3Tokens t;

  CommentPlacement(Python3Tokens tokens) {
    this.t = tokens;
  }

  // ---- extras and conversion

  /** Attaches each comment and line continuation to the deepest node whose tokens surround it. */
  void attachExtras(PythonTokenCursor.N root) {
    for (int i = 0; i < t.extraCount; i++) {
      PythonTokenCursor.N extra =
          new PythonTokenCursor.N(
              t.extraKind[i] == Python3Tokens.COMMENT ? "comment" : "line_continuation", -1);
      extra.extraStart = t.extraStart[i];
      extra.extraEnd = t.extraEnd[i];
      int before = t.extraBefore[i];
      PythonTokenCursor.N host = root;
      while (true) {
        PythonTokenCursor.N inner = null;
        if (host.kids != null) {
          for (PythonTokenCursor.N k : host.kids) {
            if (k.first >= 0 && k.first <= before - 1 && k.last >= before) {
              inner = k;
              break;
            }
          }
        }
        if (inner == null) {
          break;
        }
        host = inner;
      }
      if (TreeSitterPythonParser.isLeaf(host.type)) {
        continue; // the tree-sitter copy does not descend into leaves either
      }
      if (host.kids == null) {
        host.kids = new ArrayList<>(2);
      }
      int at = host.kids.size();
      for (int k = 0; k < host.kids.size(); k++) {
        PythonTokenCursor.N c = host.kids.get(k);
        int cFirst = c.first >= 0 ? c.first : -1;
        if (c.first < 0 ? c.extraStart > extra.extraStart : cFirst >= before) {
          at = k;
          break;
        }
      }
      host.kids.add(at, extra);
    }
  }

  /**
   * Converts bottom-up: a node ends at its last token with text or at its last child, whichever is
   * later.
   */
  SyntaxNode toSyntax(PythonTokenCursor.N n, SourceText source, boolean root) {
    List<SyntaxNode> kids = List.of();
    if (n.kids != null) {
      kids = new ArrayList<>(n.kids.size());
      for (PythonTokenCursor.N k : n.kids) {
        kids.add(toSyntax(k, source, false));
      }
    }
    int startByte;
    int endByte;
    if (n.first < 0) {
      startByte = n.extraStart;
      endByte = n.extraEnd;
    } else if (root) {
      startByte = firstText();
      endByte = source.byteLength();
    } else {
      startByte = t.start[n.first];
      endByte = startByte;
      for (int i = n.last; i >= n.first; i--) {
        if (t.end[i] > t.start[i]) {
          endByte = t.end[i];
          break;
        }
      }
      if (!kids.isEmpty()) {
        endByte = Math.max(endByte, kids.get(kids.size() - 1).endByte());
      }
    }
    SyntaxNode s = SyntaxNode.at(n.type, n.field, startByte, endByte, false, source);
    for (SyntaxNode k : kids) {
      s.add(k);
    }
    return s;
  }

  private int firstText() {
    int first = t.count > 0 ? t.start[0] : 0;
    for (int i = 0; i < t.count; i++) {
      if (t.end[i] > t.start[i]) {
        first = t.start[i];
        break;
      }
    }
    if (t.extraCount > 0) {
      first = Math.min(first, t.extraStart[0]);
    }
    return first;
  }
}
