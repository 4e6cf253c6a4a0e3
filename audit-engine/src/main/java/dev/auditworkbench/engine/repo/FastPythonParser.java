package dev.auditworkbench.engine.repo;

import static dev.auditworkbench.engine.repo.Python3Tokens.DEDENT;
import static dev.auditworkbench.engine.repo.Python3Tokens.EOF;
import static dev.auditworkbench.engine.repo.Python3Tokens.INDENT;
import static dev.auditworkbench.engine.repo.Python3Tokens.KEYWORD;
import static dev.auditworkbench.engine.repo.Python3Tokens.NAME;
import static dev.auditworkbench.engine.repo.Python3Tokens.NEWLINE;
import static dev.auditworkbench.engine.repo.Python3Tokens.OP;

/**
 * A recursive-descent parser for well-formed Python 3 that builds exactly the tree {@link
 * TreeSitterPythonParser} copies out of tree-sitter-python (same node types, fields, byte ranges,
 * and comments attached to the same nodes), without native calls. It does not recover from errors:
 * on anything it does not know it throws {@link Reject} and the caller parses the file with
 * tree-sitter, so files with syntax errors, Python 2 statements or rare constructs (match
 * statements, type parameters) get tree-sitter's tolerance. FastPythonParserTest holds the two
 * parsers to the same tree on every file they both read.
 *
 * <p>In layers, one concern each: tokens and the node under construction ({@link
 * PythonTokenCursor}), expressions ({@link PythonExpressionParser}), statements (here), then
 * comments placed and the tree converted ({@link CommentPlacement}).
 */
final class FastPythonParser extends PythonExpressionParser {
  private FastPythonParser(Python3Tokens tokens) {
    super(tokens);
  }

  /** Parses the file, or throws {@link Reject}. */
  static SyntaxNode parse(SourceText source) {
    Python3Tokens tokens = Python3Tokens.of(source.utf8());
    FastPythonParser parser = new FastPythonParser(tokens);
    N module = parser.module();
    CommentPlacement comments = new CommentPlacement(tokens);
    comments.attachExtras(module);
    return comments.toSyntax(module, source, true);
  }

  // ---- statements

  N module() {
    N m = open("module");
    while (kind[p] != EOF) {
      statement(m);
    }
    return close(m);
  }

  void statement(N parent) {
    if (kind[p] == KEYWORD) {
      switch (text[p]) {
        case "def" -> {
          parent.add(functionDefinition());
          return;
        }
        case "class" -> {
          parent.add(classDefinition());
          return;
        }
        case "if" -> {
          parent.add(ifStatement());
          return;
        }
        case "while" -> {
          parent.add(whileStatement());
          return;
        }
        case "for" -> {
          parent.add(forStatement());
          return;
        }
        case "try" -> {
          parent.add(tryStatement());
          return;
        }
        case "with" -> {
          parent.add(withStatement());
          return;
        }
        case "async" -> {
          if (kind[p + 1] == KEYWORD) {
            switch (text[p + 1]) {
              case "def" -> {
                parent.add(functionDefinition());
                return;
              }
              case "for" -> {
                parent.add(forStatement());
                return;
              }
              case "with" -> {
                parent.add(withStatement());
                return;
              }
              default -> throw error("unexpected async");
            }
          }
          throw error("unexpected async");
        }
        default -> {}
      }
    } else if (isOp("@")) {
      parent.add(decorated());
      return;
    }
    simpleStatements(parent);
  }

  /**
   * Simple statements separated by ';' up to the NEWLINE, which belongs to the parent (block or
   * module).
   */
  void simpleStatements(N parent) {
    while (true) {
      parent.add(simpleStatement());
      if (isOp(";")) {
        p++;
        if (kind[p] == NEWLINE) {
          break;
        }
        continue;
      }
      break;
    }
    if (kind[p] != NEWLINE) {
      throw error("expected the end of the statement");
    }
    p++;
  }

  N simpleStatement() {
    if (kind[p] == KEYWORD) {
      switch (text[p]) {
        case "pass" -> {
          return leaf("pass_statement");
        }
        case "break" -> {
          return leaf("break_statement");
        }
        case "continue" -> {
          return leaf("continue_statement");
        }
        case "return" -> {
          N n = open("return_statement");
          p++;
          if (!endOfSimple()) {
            n.add(expressions());
          }
          return close(n);
        }
        case "raise" -> {
          N n = open("raise_statement");
          p++;
          if (!endOfSimple()) {
            n.add(expressions());
            if (isKw("from")) {
              p++;
              n.add("cause", expression());
            }
          }
          return close(n);
        }
        case "global", "nonlocal" -> {
          N n = open(text[p] + "_statement");
          p++;
          n.add(identifier());
          while (isOp(",")) {
            p++;
            n.add(identifier());
          }
          return close(n);
        }
        case "del" -> {
          N n = open("delete_statement");
          p++;
          n.add(expressions());
          return close(n);
        }
        case "assert" -> {
          N n = open("assert_statement");
          p++;
          n.add(expression());
          while (isOp(",")) {
            p++;
            n.add(expression());
          }
          return close(n);
        }
        case "import" -> {
          return importStatement();
        }
        case "from" -> {
          return fromImport();
        }
        default -> {}
      }
    } else if (kind[p] == NAME
        && (text[p].equals("print") || text[p].equals("exec"))
        && !isOpAt(p + 1, "(")) {
      throw error("possible Python 2 " + text[p] + " statement");
    } else if (kind[p] == NAME
        && text[p].equals("type")
        && !isOpAt(p + 1, "=")
        && lineHasTopLevel("=")) {
      throw error("possible type alias"); // tree-sitter reads type(x).y = 1 as one
    } else if (kind[p] == NAME
        && text[p].equals("match")
        && !isOpAt(p + 1, "=")
        && lineHasTopLevel(":")) {
      throw error("match statement");
    }
    return expressionStatement();
  }

  /** Whether the logical line from here holds the operator outside brackets. */
  boolean lineHasTopLevel(String op) {
    int nesting = 0;
    for (int i = p; i < t.count && kind[i] != NEWLINE && kind[i] != INDENT && kind[i] != EOF; i++) {
      if (kind[i] == OP) {
        String s = text[i];
        if (s == "(" || s == "[" || s == "{") {
          nesting++;
        } else if (s == ")" || s == "]" || s == "}") {
          nesting--;
        } else if (nesting == 0 && s == op) {
          return true;
        }
      }
    }
    return false;
  }

  N expressionStatement() {
    N stmt = open("expression_statement");
    if (isKw("yield")) {
      stmt.add(yieldExpression());
      return close(stmt);
    }
    N first = starExpressions();
    if (isOp("=")) {
      stmt.add(assignment(pattern(first)));
    } else if (isOp(":")) {
      if (!first.type.equals("identifier")
          && !first.type.equals("attribute")
          && !first.type.equals("subscript")) {
        throw error("annotated target " + first.type);
      }
      N a = around("assignment", "left", first);
      p++;
      a.add("type", type());
      if (isOp("=")) {
        p++;
        a.add("right", rightHandSide());
      }
      stmt.add(close(a));
    } else if (kind[p] == OP && isAugmented(text[p])) {
      N a = around("augmented_assignment", "left", first);
      p++;
      a.add("right", rightHandSide());
      stmt.add(close(a));
    } else if (first.type.equals("expression_list")) {
      for (N k : first.kids) {
        k.field = null;
        stmt.add(k);
      }
    } else {
      stmt.add(first);
    }
    return close(stmt);
  }

  /** left '=' right, where right may itself be an assignment (a = b = c). */
  N assignment(N left) {
    N a = around("assignment", "left", left);
    expectOp("=");
    N right = rightHandSide();
    if (isOp("=")) {
      right = assignment(pattern(right));
    }
    a.add("right", right);
    return close(a);
  }

  N rightHandSide() {
    if (isKw("yield")) {
      return yieldExpression();
    }
    return starExpressions();
  }

  N importStatement() {
    N n = open("import_statement");
    p++;
    do {
      if (isOp(",")) {
        p++;
      }
      n.add("name", importedName());
    } while (isOp(","));
    return close(n);
  }

  /** dotted_name, or dotted_name 'as' identifier as aliased_import. */
  N importedName() {
    N dotted = dottedName();
    if (isKw("as")) {
      N a = around("aliased_import", "name", dotted);
      p++;
      a.add("alias", identifier());
      return close(a);
    }
    return dotted;
  }

  N dottedName() {
    N d = open("dotted_name");
    identifier();
    while (isOp(".") && kind[p + 1] == NAME) {
      p += 2;
    }
    return close(d);
  }

  N fromImport() {
    int start = p;
    p++;
    boolean future = kind[p] == NAME && text[p].equals("__future__") && !isOpAt(p + 1, ".");
    N n = new N(future ? "future_import_statement" : "import_from_statement", start);
    if (future) {
      p++;
    } else if (isOp(".") || isOp("...")) {
      N rel = open("relative_import");
      N prefix = open("import_prefix");
      while (isOp(".") || isOp("...")) {
        p++;
      }
      rel.add(close(prefix));
      if (kind[p] == NAME) {
        rel.add(dottedName());
      }
      n.add("module_name", close(rel));
    } else {
      n.add("module_name", dottedName());
    }
    expectKw("import");
    if (isOp("*")) {
      if (future) {
        throw error("wildcard future import");
      }
      n.add(leaf("wildcard_import"));
      return close(n);
    }
    boolean paren = isOp("(");
    if (paren) {
      p++;
    }
    n.add("name", importedName());
    while (isOp(",")) {
      p++;
      if (paren && isOp(")")) {
        break;
      }
      n.add("name", importedName());
    }
    if (paren) {
      expectOp(")");
    }
    return close(n);
  }

  /**
   * After ':' — an indented block (INDENT statements DEDENT) or simple statements on the same line.
   */
  N suite() {
    if (kind[p] == INDENT) {
      p++;
      N block = open("block");
      while (kind[p] != DEDENT) {
        if (kind[p] == EOF) {
          throw error("unexpected end of file");
        }
        statement(block);
      }
      p++;
      return close(block);
    }
    if (kind[p] == NEWLINE) {
      throw error("expected an indented block");
    }
    N block = open("block");
    simpleStatements(block);
    return close(block);
  }

  N functionDefinition() {
    N f = open("function_definition");
    if (isKw("async")) {
      p++;
    }
    expectKw("def");
    f.add("name", identifier());
    if (isOp("[")) {
      throw error("type parameters");
    }
    f.add("parameters", parameters());
    if (isOp("->")) {
      p++;
      f.add("return_type", type());
    }
    expectOp(":");
    f.add("body", suite());
    return close(f);
  }

  N parameters() {
    N ps = open("parameters");
    expectOp("(");
    while (!isOp(")")) {
      ps.add(parameter(true));
      if (!isOp(",")) {
        break;
      }
      p++;
    }
    expectOp(")");
    return close(ps);
  }

  N classDefinition() {
    N c = open("class_definition");
    p++;
    c.add("name", identifier());
    if (isOp("[")) {
      throw error("type parameters");
    }
    if (isOp("(")) {
      c.add("superclasses", callArguments());
    }
    expectOp(":");
    c.add("body", suite());
    return close(c);
  }

  N decorated() {
    N d = open("decorated_definition");
    while (isOp("@")) {
      N dec = open("decorator");
      p++;
      dec.add(expression());
      if (kind[p] != NEWLINE) {
        throw error("expected the end of the decorator");
      }
      p++;
      d.add(close(dec));
    }
    if (isKw("def") || isKw("async") && isKwAt(p + 1, "def")) {
      d.add("definition", functionDefinition());
    } else if (isKw("class")) {
      d.add("definition", classDefinition());
    } else {
      throw error("expected def or class after decorators");
    }
    return close(d);
  }

  N ifStatement() {
    N n = open("if_statement");
    p++;
    n.add("condition", expression());
    expectOp(":");
    n.add("consequence", suite());
    while (isKw("elif")) {
      N e = open("elif_clause");
      p++;
      e.add("condition", expression());
      expectOp(":");
      e.add("consequence", suite());
      n.add("alternative", close(e));
    }
    if (isKw("else")) {
      n.add("alternative", elseClause());
    }
    return close(n);
  }

  N elseClause() {
    N e = open("else_clause");
    p++;
    expectOp(":");
    e.add("body", suite());
    return close(e);
  }

  N whileStatement() {
    N n = open("while_statement");
    p++;
    n.add("condition", expression());
    expectOp(":");
    n.add("body", suite());
    if (isKw("else")) {
      n.add("alternative", elseClause());
    }
    return close(n);
  }

  N forStatement() {
    N n = open("for_statement");
    if (isKw("async")) {
      p++;
    }
    expectKw("for");
    n.add("left", pattern(targets()));
    expectKw("in");
    n.add("right", expressions());
    expectOp(":");
    n.add("body", suite());
    if (isKw("else")) {
      n.add("alternative", elseClause());
    }
    return close(n);
  }

  N tryStatement() {
    N n = open("try_statement");
    p++;
    expectOp(":");
    n.add("body", suite());
    while (isKw("except")) {
      N e = open("except_clause");
      p++;
      if (isOp("*")) {
        throw error("except*");
      }
      if (!isOp(":")) {
        N value = expression();
        if (isKw("as")) {
          N as = around("as_pattern", null, value);
          p++;
          N target = open("as_pattern_target");
          target.add(identifier());
          as.add("alias", close(target));
          value = close(as);
        } else if (isOp(",")) {
          throw error("Python 2 except clause");
        }
        e.add(value);
      }
      expectOp(":");
      e.add(suite());
      n.add(close(e));
    }
    if (isKw("else")) {
      n.add(elseClause());
    }
    if (isKw("finally")) {
      N f = open("finally_clause");
      p++;
      expectOp(":");
      f.add(suite());
      n.add(close(f));
    }
    return close(n);
  }

  N withStatement() {
    N n = open("with_statement");
    if (isKw("async")) {
      p++;
    }
    expectKw("with");
    if (isOp("(")) {
      throw error("parenthesised with items");
    }
    N clause = open("with_clause");
    while (true) {
      N item = open("with_item");
      N value = expression();
      if (isKw("as")) {
        N as = around("as_pattern", null, value);
        p++;
        N target = open("as_pattern_target");
        N bound = primary();
        if (!bound.type.equals("identifier")
            && !bound.type.equals("attribute")
            && !bound.type.equals("subscript")) {
          throw error("with target");
        }
        target.add(bound);
        as.add("alias", close(target));
        value = close(as);
      }
      item.add("value", value);
      clause.add(close(item));
      if (!isOp(",")) {
        break;
      }
      p++;
    }
    n.add(close(clause));
    expectOp(":");
    n.add("body", suite());
    return close(n);
  }
}
