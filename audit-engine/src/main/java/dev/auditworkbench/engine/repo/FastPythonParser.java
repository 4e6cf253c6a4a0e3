package dev.auditworkbench.engine.repo;

import static dev.auditworkbench.engine.repo.Python3Tokens.DEDENT;
import static dev.auditworkbench.engine.repo.Python3Tokens.EOF;
import static dev.auditworkbench.engine.repo.Python3Tokens.INDENT;
import static dev.auditworkbench.engine.repo.Python3Tokens.KEYWORD;
import static dev.auditworkbench.engine.repo.Python3Tokens.NAME;
import static dev.auditworkbench.engine.repo.Python3Tokens.NEWLINE;
import static dev.auditworkbench.engine.repo.Python3Tokens.NUMBER;
import static dev.auditworkbench.engine.repo.Python3Tokens.OP;
import static dev.auditworkbench.engine.repo.Python3Tokens.STRING;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for well-formed Python 3 that builds exactly the tree {@link
 * TreeSitterPythonParser} copies out of tree-sitter-python (same node types, fields, byte ranges,
 * and comments attached to the same nodes), without native calls. It does not recover from errors:
 * on anything it does not know it throws {@link Reject} and the caller parses the file with
 * tree-sitter, so files with syntax errors, Python 2 statements or rare constructs (match
 * statements, type parameters) get tree-sitter's tolerance. FastPythonParserTest holds the two
 * parsers to the same tree on every file they both read.
 */
final class FastPythonParser {
  /**
   * The file uses something this parser leaves to tree-sitter. Carries no stack trace: it is
   * control flow.
   */
  static final class Reject extends RuntimeException {
    Reject(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * A node under construction: its tokens are first..last (inclusive); extras are attached
   * afterwards.
   */
  private static final class N {
    final String type;
    String field;
    final int first;
    int last;
    ArrayList<N> kids;
    // extras only
    int extraStart = -1;
    int extraEnd;

    N(String type, int first) {
      this.type = type;
      this.first = first;
    }

    void add(N child) {
      if (kids == null) {
        kids = new ArrayList<>(4);
      }
      kids.add(child);
    }

    void add(String f, N child) {
      child.field = f;
      add(child);
    }
  }

  private final Python3Tokens t;
  private final byte[] kind;
  private final String[] text;
  private int p;

  private FastPythonParser(Python3Tokens tokens) {
    this.t = tokens;
    this.kind = tokens.kind;
    this.text = tokens.text;
  }

  /** Parses the file, or throws {@link Reject}. */
  static SyntaxNode parse(SourceText source) {
    Python3Tokens tokens = Python3Tokens.of(source.utf8());
    FastPythonParser parser = new FastPythonParser(tokens);
    N module = parser.module();
    parser.attachExtras(module);
    return parser.toSyntax(module, source, true);
  }

  // ---- token helpers

  private Reject error(String what) {
    return new Reject(what + " at byte " + t.start[Math.min(p, t.count - 1)]);
  }

  private boolean isOp(String s) {
    return kind[p] == OP && text[p] == s;
  }

  private boolean isOpAt(int i, String s) {
    return i < t.count && kind[i] == OP && text[i] == s;
  }

  private boolean isKw(String s) {
    return kind[p] == KEYWORD && text[p] == s;
  }

  private void expectOp(String s) {
    if (!isOp(s)) {
      throw error("expected '" + s + "'");
    }
    p++;
  }

  private void expectKw(String s) {
    if (!isKw(s)) {
      throw error("expected '" + s + "'");
    }
    p++;
  }

  private N open(String type) {
    return new N(type, p);
  }

  private N close(N n) {
    n.last = p - 1;
    return n;
  }

  /** A node that starts with an already parsed child. */
  private static N around(String type, String field, N first) {
    N n = new N(type, first.first);
    n.add(field, first);
    return n;
  }

  private N leaf(String type) {
    N n = new N(type, p);
    n.last = p;
    p++;
    return n;
  }

  private N identifier() {
    if (kind[p] != NAME) {
      throw error("expected a name");
    }
    return leaf("identifier");
  }

  // ---- statements

  private N module() {
    N m = open("module");
    while (kind[p] != EOF) {
      statement(m);
    }
    return close(m);
  }

  private void statement(N parent) {
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
  private void simpleStatements(N parent) {
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

  private N simpleStatement() {
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
  private boolean lineHasTopLevel(String op) {
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

  private boolean endOfSimple() {
    return kind[p] == NEWLINE || isOp(";");
  }

  private N expressionStatement() {
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

  private static boolean isAugmented(String op) {
    return switch (op) {
      case "+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@=" -> true;
      default -> false;
    };
  }

  /** left '=' right, where right may itself be an assignment (a = b = c). */
  private N assignment(N left) {
    N a = around("assignment", "left", left);
    expectOp("=");
    N right = rightHandSide();
    if (isOp("=")) {
      right = assignment(pattern(right));
    }
    a.add("right", right);
    return close(a);
  }

  private N rightHandSide() {
    if (isKw("yield")) {
      return yieldExpression();
    }
    return starExpressions();
  }

  private N yieldExpression() {
    N y = open("yield");
    p++;
    if (isKw("from")) {
      p++;
      y.add(expression());
    } else if (!endOfSimple() && !isOp(")") && !isOp("=")) {
      y.add(starExpressions());
    }
    return close(y);
  }

  private N importStatement() {
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
  private N importedName() {
    N dotted = dottedName();
    if (isKw("as")) {
      N a = around("aliased_import", "name", dotted);
      p++;
      a.add("alias", identifier());
      return close(a);
    }
    return dotted;
  }

  private N dottedName() {
    N d = open("dotted_name");
    identifier();
    while (isOp(".") && kind[p + 1] == NAME) {
      p += 2;
    }
    return close(d);
  }

  private N fromImport() {
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
  private N suite() {
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

  private N functionDefinition() {
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

  private N parameters() {
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

  private N parameter(boolean annotated) {
    if (isOp("/")) {
      return leaf("positional_separator");
    }
    if (isOp("*") && (isOpAt(p + 1, ",") || isOpAt(p + 1, ")") || isOpAt(p + 1, ":"))) {
      return leaf("keyword_separator");
    }
    N target;
    if (isOp("*") || isOp("**")) {
      target = open(isOp("*") ? "list_splat_pattern" : "dictionary_splat_pattern");
      p++;
      target.add(identifier());
      close(target);
    } else {
      target = identifier();
    }
    if (annotated && isOp(":")) {
      boolean plain = target.type.equals("identifier");
      N typed =
          plain && defaultFollowsType()
              ? around("typed_default_parameter", "name", target)
              : around("typed_parameter", null, target);
      p++;
      typed.add("type", type());
      if (isOp("=")) {
        if (!plain) {
          throw error("default for a star parameter");
        }
        p++;
        typed.add("value", expression());
      }
      return close(typed);
    }
    if (isOp("=")) {
      if (!target.type.equals("identifier")) {
        throw error("default for a star parameter");
      }
      N d = around("default_parameter", "name", target);
      p++;
      d.add("value", expression());
      return close(d);
    }
    return target;
  }

  /** Whether an annotated parameter has a default: scans to the ',' or ')' that ends it. */
  private boolean defaultFollowsType() {
    int nesting = 0;
    for (int i = p + 1; i < t.count; i++) {
      if (kind[i] == OP) {
        String s = text[i];
        if (s == "(" || s == "[" || s == "{") {
          nesting++;
        } else if (s == ")" || s == "]" || s == "}") {
          if (nesting == 0) {
            return false;
          }
          nesting--;
        } else if (nesting == 0 && (s == "," || s == ":")) {
          return false;
        } else if (nesting == 0 && s == "=") {
          return true;
        }
      } else if (kind[i] == NEWLINE || kind[i] == EOF) {
        return false;
      }
    }
    return false;
  }

  /**
   * A type annotation as tree-sitter reads it: Name[...] is a generic_type (its items types, a list
   * among them read as a list), a generic type followed by '|' a union_type; anything else, type[X]
   * included ('type' is a soft keyword there), the expression it is.
   */
  private N type() {
    int start = p;
    if (!isGenericStart()) {
      N ty = open("type");
      ty.add(expression());
      return close(ty);
    }
    N generic = genericType();
    N ty = new N("type", start);
    if (isOp("|")) {
      N left = new N("type", start);
      left.add(generic);
      close(left);
      N union = around("union_type", null, left);
      p++;
      N right = open("type");
      right.add(isGenericStart() ? genericType() : bitAnd());
      union.add(close(right));
      ty.add(close(union));
      if (isOp("|")) {
        throw error("a second | in a type");
      }
    } else {
      ty.add(generic);
    }
    if (!(isOp(",") || isOp(")") || isOp("]") || isOp("=") || isOp(":") || kind[p] == NEWLINE)) {
      throw error("operator after a generic type");
    }
    return close(ty);
  }

  private boolean isGenericStart() {
    if (kind[p] != NAME || !isOpAt(p + 1, "[")) {
      return false;
    }
    if (text[p].equals("type")) {
      return false;
    }
    if (isSoftKeyword(text[p])) {
      throw error("soft keyword as a generic type");
    }
    return true;
  }

  private N genericType() {
    N g = open("generic_type");
    g.add(identifier());
    N params = open("type_parameter");
    p++;
    params.add(type());
    while (isOp(",")) {
      p++;
      if (isOp("]")) {
        break;
      }
      params.add(type());
    }
    expectOp("]");
    g.add(close(params));
    return close(g);
  }

  private static boolean isSoftKeyword(String name) {
    return switch (name) {
      case "type", "match", "case", "print", "exec", "_" -> true;
      default -> false;
    };
  }

  private N classDefinition() {
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

  private N decorated() {
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

  private boolean isKwAt(int i, String s) {
    return kind[i] == KEYWORD && text[i] == s;
  }

  private N ifStatement() {
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

  private N elseClause() {
    N e = open("else_clause");
    p++;
    expectOp(":");
    e.add("body", suite());
    return close(e);
  }

  private N whileStatement() {
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

  private N forStatement() {
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

  private N tryStatement() {
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

  private N withStatement() {
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

  // ---- expressions

  /**
   * expression, or several separated by commas as expression_list (return, del, for ... in, raise).
   */
  private N expressions() {
    N first = expression();
    if (!isOp(",")) {
      return first;
    }
    N list = around("expression_list", null, first);
    while (isOp(",")) {
      p++;
      if (endsList()) {
        break;
      }
      list.add(expression());
    }
    return close(list);
  }

  private boolean endsList() {
    return kind[p] == NEWLINE
        || isOp("=")
        || isOp(")")
        || isOp(":")
        || isOp(";")
        || isOp("]")
        || isOp("}")
        || kind[p] == OP && isAugmented(text[p]);
  }

  /** Expressions with starred items, as in assignments and expression statements. */
  private N starExpressions() {
    N first = starOrExpression(true);
    if (!isOp(",")) {
      return first;
    }
    N list = around("expression_list", null, first);
    while (isOp(",")) {
      p++;
      if (endsList()) {
        break;
      }
      list.add(starOrExpression(true));
    }
    return close(list);
  }

  /**
   * An expression, or '*' and one. tree-sitter often reads '*a' as one node and applies what
   * follows to it ([*range(3)] as a call of a splat, x = 1, *a.b as an attribute of one) except in
   * call arguments, in parenthesised tuples and in lists and sets of two items or more; so where
   * the caller is {@code strict} (bare expression lists, subscripts) only '*name' is accepted, and
   * one-item lists and sets are checked by their callers.
   */
  private N starOrExpression(boolean strict) {
    if (isOp("*")) {
      N s = open("list_splat");
      p++;
      N operand = bitOr();
      if (strict && !operand.type.equals("identifier")) {
        throw error("starred expression other than a name in an expression list or subscript");
      }
      s.add(operand);
      return close(s);
    }
    return expression();
  }

  /**
   * Rejects a one-item list or set whose item is '*' and anything but a name (see
   * starOrExpression).
   */
  private void checkSingleStar(N display) {
    if (display.kids.size() == 1) {
      N only = display.kids.get(0);
      if (only.type.equals("list_splat") && !only.kids.get(0).type.equals("identifier")) {
        throw error("one-item list or set of a starred expression other than a name");
      }
    }
  }

  /** Targets of a for loop or comprehension: stops before 'in'. */
  private N targets() {
    N first = target();
    if (!isOp(",")) {
      return first;
    }
    N list = around("expression_list", null, first);
    while (isOp(",")) {
      p++;
      if (isKw("in")) {
        break;
      }
      list.add(target());
    }
    return close(list);
  }

  private N target() {
    if (isOp("*")) {
      N s = open("list_splat");
      p++;
      s.add(bitOr());
      return close(s);
    }
    return bitOr();
  }

  /**
   * Turns an expression parsed before '=' (or as a for target) into tree-sitter's pattern nodes.
   */
  private N pattern(N e) {
    switch (e.type) {
      case "identifier", "attribute", "subscript" -> {
        return e;
      }
      case "expression_list", "tuple", "list", "list_splat" -> {
        if (e.type.equals("list_splat") && !e.kids.get(0).type.equals("identifier")) {
          throw error("starred target that is not a name"); // tree-sitter reads *a.b = as (*a).b
        }
        N n =
            new N(
                switch (e.type) {
                  case "expression_list" -> "pattern_list";
                  case "tuple" -> "tuple_pattern";
                  case "list" -> "list_pattern";
                  default -> "list_splat_pattern";
                },
                e.first);
        n.last = e.last;
        n.field = e.field;
        if (e.kids != null) {
          for (N k : e.kids) {
            N converted = pattern(k);
            converted.field = null;
            n.add(converted);
          }
        }
        return n;
      }
      default -> throw error("unsupported assignment target " + e.type);
    }
  }

  /**
   * tree-sitter's "expression": lambda, conditional, named expression, boolean and comparison
   * operators.
   */
  private N expression() {
    if (isKw("lambda")) {
      return lambda(true);
    }
    if (kind[p] == NAME && isOpAt(p + 1, ":=")) {
      N n = open("named_expression");
      n.add("name", identifier());
      p++;
      n.add("value", expression());
      return close(n);
    }
    N e = or();
    if (isKw("if")) {
      N c = around("conditional_expression", null, e);
      p++;
      c.add(or());
      expectKw("else");
      c.add(expression());
      return close(c);
    }
    return e;
  }

  /** An expression without a conditional (for comprehension iterables and conditions). */
  private N noConditional() {
    if (isKw("lambda")) {
      return lambda(false);
    }
    return or();
  }

  private N lambda(boolean withConditional) {
    N l = open("lambda");
    p++;
    if (!isOp(":")) {
      N ps = open("lambda_parameters");
      while (!isOp(":")) {
        ps.add(parameter(false));
        if (!isOp(",")) {
          break;
        }
        p++;
      }
      l.add("parameters", close(ps));
    }
    expectOp(":");
    l.add("body", withConditional ? expression() : noConditional());
    return close(l);
  }

  private N or() {
    N left = and();
    while (isKw("or")) {
      N b = around("boolean_operator", "left", left);
      p++;
      b.add("right", and());
      left = close(b);
    }
    return left;
  }

  private N and() {
    N left = not();
    while (isKw("and")) {
      N b = around("boolean_operator", "left", left);
      p++;
      b.add("right", not());
      left = close(b);
    }
    return left;
  }

  private N not() {
    if (isKw("not")) {
      N n = open("not_operator");
      p++;
      n.add("argument", not());
      return close(n);
    }
    return comparison();
  }

  private N comparison() {
    N first = bitOr();
    N c = null;
    while (true) {
      if (kind[p] == OP) {
        String s = text[p];
        if (s == "<" || s == ">" || s == "==" || s == ">=" || s == "<=" || s == "!=") {
          p++;
        } else {
          break;
        }
      } else if (isKw("in")) {
        p++;
      } else if (isKw("not") && isKwAt(p + 1, "in")) {
        p += 2;
      } else if (isKw("is")) {
        p++;
        if (isKw("not")) {
          p++;
        }
      } else {
        break;
      }
      if (c == null) {
        c = around("comparison_operator", null, first);
      }
      c.add(bitOr());
    }
    return c == null ? first : close(c);
  }

  // tree-sitter-python ranks ^ above & (Python ranks & above ^): a | b & c ^ d is read as
  // a | (b & (c ^ d)) here too, so the trees match.
  private N bitOr() {
    N left = bitAnd();
    while (isOp("|")) {
      left = binary(left, 0);
    }
    return left;
  }

  private N bitAnd() {
    N left = xor();
    while (isOp("&")) {
      left = binary(left, 1);
    }
    return left;
  }

  private N xor() {
    N left = shift();
    while (isOp("^")) {
      left = binary(left, 2);
    }
    return left;
  }

  private N shift() {
    N left = arith();
    while (isOp("<<") || isOp(">>")) {
      left = binary(left, 3);
    }
    return left;
  }

  private N arith() {
    N left = term();
    while (isOp("+") || isOp("-")) {
      left = binary(left, 4);
    }
    return left;
  }

  private N term() {
    N left = factor();
    while (isOp("*") || isOp("/") || isOp("//") || isOp("%") || isOp("@")) {
      left = binary(left, 5);
    }
    return left;
  }

  private N binary(N left, int level) {
    N b = around("binary_operator", "left", left);
    p++;
    b.add(
        "right",
        switch (level) {
          case 0 -> bitAnd();
          case 1 -> xor();
          case 2 -> shift();
          case 3 -> arith();
          case 4 -> term();
          default -> factor();
        });
    return close(b);
  }

  private N factor() {
    if (isOp("-") || isOp("+") || isOp("~")) {
      N u = open("unary_operator");
      p++;
      u.add("argument", factor());
      return close(u);
    }
    return power();
  }

  private N power() {
    N base = awaitPrimary();
    if (isOp("**")) {
      N b = around("binary_operator", "left", base);
      p++;
      b.add("right", factor());
      return close(b);
    }
    return base;
  }

  private N awaitPrimary() {
    if (isKw("await")) {
      N a = open("await");
      p++;
      a.add(awaitPrimary());
      return close(a);
    }
    return primary();
  }

  /** An atom followed by attribute accesses, calls and subscripts. */
  private N primary() {
    N e = atom();
    while (kind[p] == OP) {
      String s = text[p];
      if (s == ".") {
        N a = around("attribute", "object", e);
        p++;
        a.add("attribute", identifier());
        e = close(a);
      } else if (s == "(") {
        N c = around("call", "function", e);
        c.add("arguments", callArguments());
        if (e.type.equals("identifier")
            && t.text[e.first].equals("print")
            && hasSplat(c.kids.get(1))) {
          throw error(
              "print with a starred argument"); // tree-sitter weighs a Python 2 print statement
          // there
        }
        e = close(c);
      } else if (s == "[") {
        N sub = around("subscript", "value", e);
        p++;
        while (true) {
          sub.add("subscript", sliceOrExpression());
          if (!isOp(",")) {
            break;
          }
          p++;
          if (isOp("]")) {
            break;
          }
        }
        expectOp("]");
        e = close(sub);
      } else {
        break;
      }
    }
    return e;
  }

  private static boolean hasSplat(N arguments) {
    if (arguments.kids != null) {
      for (N k : arguments.kids) {
        if (k.type.equals("list_splat")) {
          return true;
        }
      }
    }
    return false;
  }

  private N sliceOrExpression() {
    if (!isOp(":")) {
      N e = starOrExpression(true);
      if (!isOp(":")) {
        return e;
      }
      N s = around("slice", null, e);
      return sliceRest(s);
    }
    return sliceRest(open("slice"));
  }

  private N sliceRest(N s) {
    expectOp(":");
    if (!isOp(":") && !isOp(",") && !isOp("]")) {
      s.add(expression());
    }
    if (isOp(":")) {
      p++;
      if (!isOp(",") && !isOp("]")) {
        s.add(expression());
      }
    }
    return close(s);
  }

  /** '(' arguments ')' as argument_list, or a lone generator as generator_expression. */
  private N callArguments() {
    int open = p;
    p++;
    if (isOp(")")) {
      N list = new N("argument_list", open);
      p++;
      return close(list);
    }
    N first = argument();
    if (isKw("for") || isKw("async")) {
      N g = new N("generator_expression", open);
      g.add("body", first);
      comprehensionClauses(g);
      expectOp(")");
      return close(g);
    }
    N list = new N("argument_list", open);
    list.add(first);
    while (isOp(",")) {
      p++;
      if (isOp(")")) {
        break;
      }
      list.add(argument());
    }
    expectOp(")");
    return close(list);
  }

  private N argument() {
    if (isOp("*")) {
      N s = open("list_splat");
      p++;
      s.add(expression());
      return close(s);
    }
    if (isOp("**")) {
      N s = open("dictionary_splat");
      p++;
      s.add(expression());
      return close(s);
    }
    if (kind[p] == NAME && isOpAt(p + 1, "=")) {
      N k = open("keyword_argument");
      k.add("name", identifier());
      p++;
      k.add("value", expression());
      return close(k);
    }
    return expression();
  }

  private void comprehensionClauses(N owner) {
    while (true) {
      if (isKw("for") || isKw("async")) {
        N f = open("for_in_clause");
        if (isKw("async")) {
          p++;
        }
        expectKw("for");
        f.add("left", pattern(targets()));
        expectKw("in");
        f.add("right", noConditional());
        if (isOp(",")) {
          throw error("tuple after 'in' in a comprehension");
        }
        owner.add(close(f));
      } else if (isKw("if")) {
        N i = open("if_clause");
        p++;
        i.add(noConditional());
        owner.add(close(i));
      } else {
        return;
      }
    }
  }

  private N atom() {
    switch (kind[p]) {
      case NAME -> {
        return leaf("identifier");
      }
      case NUMBER -> {
        return leaf(text[p]);
      }
      case STRING -> {
        if (kind[p + 1] != STRING) {
          return leaf("string");
        }
        N c = open("concatenated_string");
        while (kind[p] == STRING) {
          p++;
        }
        return close(c);
      }
      case KEYWORD -> {
        switch (text[p]) {
          case "True" -> {
            return leaf("true");
          }
          case "False" -> {
            return leaf("false");
          }
          case "None" -> {
            return leaf("none");
          }
          default -> throw error("unexpected keyword " + text[p]);
        }
      }
      case OP -> {
        String s = text[p];
        if (s == "(") {
          return parenthesised();
        }
        if (s == "[") {
          return bracketed();
        }
        if (s == "{") {
          return braced();
        }
        if (s == "...") {
          return leaf("ellipsis");
        }
        throw error("unexpected '" + s + "'");
      }
      default -> throw error("unexpected token");
    }
  }

  private N parenthesised() {
    int open = p;
    p++;
    if (isOp(")")) {
      N tuple = new N("tuple", open);
      p++;
      return close(tuple);
    }
    if (isKw("yield")) {
      N n = new N("parenthesized_expression", open);
      n.add(yieldExpression());
      expectOp(")");
      return close(n);
    }
    N first = starOrExpression(false);
    if (isKw("for") || isKw("async")) {
      N g = new N("generator_expression", open);
      g.add("body", first);
      comprehensionClauses(g);
      expectOp(")");
      return close(g);
    }
    if (isOp(",")) {
      N tuple = new N("tuple", open);
      tuple.add(first);
      while (isOp(",")) {
        p++;
        if (isOp(")")) {
          break;
        }
        tuple.add(starOrExpression(false));
      }
      expectOp(")");
      return close(tuple);
    }
    if (first.type.equals("list_splat")) {
      throw error("parenthesised starred expression");
    }
    N n = new N("parenthesized_expression", open);
    n.add(first);
    expectOp(")");
    return close(n);
  }

  private N bracketed() {
    int open = p;
    p++;
    if (isOp("]")) {
      N list = new N("list", open);
      p++;
      return close(list);
    }
    N first = starOrExpression(false);
    if (isKw("for") || isKw("async")) {
      N c = new N("list_comprehension", open);
      c.add("body", first);
      comprehensionClauses(c);
      expectOp("]");
      return close(c);
    }
    N list = new N("list", open);
    list.add(first);
    while (isOp(",")) {
      p++;
      if (isOp("]")) {
        break;
      }
      list.add(starOrExpression(false));
    }
    expectOp("]");
    checkSingleStar(list);
    return close(list);
  }

  private N braced() {
    int open = p;
    p++;
    if (isOp("}")) {
      N d = new N("dictionary", open);
      p++;
      return close(d);
    }
    N first = dictItemOrElement();
    if (isKw("for") || isKw("async")) {
      N c =
          new N(first.type.equals("pair") ? "dictionary_comprehension" : "set_comprehension", open);
      if (first.type.equals("dictionary_splat") || first.type.equals("list_splat")) {
        throw error("starred comprehension body");
      }
      c.add("body", first);
      comprehensionClauses(c);
      expectOp("}");
      return close(c);
    }
    boolean dict = first.type.equals("pair") || first.type.equals("dictionary_splat");
    N n = new N(dict ? "dictionary" : "set", open);
    n.add(first);
    while (isOp(",")) {
      p++;
      if (isOp("}")) {
        break;
      }
      N item = dictItemOrElement();
      boolean itemDict = item.type.equals("pair") || item.type.equals("dictionary_splat");
      if (itemDict != dict) {
        throw error("mixed dictionary and set items");
      }
      n.add(item);
    }
    expectOp("}");
    checkSingleStar(n);
    return close(n);
  }

  private N dictItemOrElement() {
    if (isOp("**")) {
      N s = open("dictionary_splat");
      p++;
      s.add(bitOr());
      return close(s);
    }
    N key = starOrExpression(false);
    if (isOp(":")) {
      N pair = around("pair", "key", key);
      p++;
      pair.add("value", expression());
      return close(pair);
    }
    return key;
  }

  // ---- extras and conversion

  /** Attaches each comment and line continuation to the deepest node whose tokens surround it. */
  private void attachExtras(N root) {
    for (int i = 0; i < t.extraCount; i++) {
      N extra =
          new N(t.extraKind[i] == Python3Tokens.COMMENT ? "comment" : "line_continuation", -1);
      extra.extraStart = t.extraStart[i];
      extra.extraEnd = t.extraEnd[i];
      int before = t.extraBefore[i];
      N host = root;
      while (true) {
        N inner = null;
        if (host.kids != null) {
          for (N k : host.kids) {
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
        N c = host.kids.get(k);
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
  private SyntaxNode toSyntax(N n, SourceText source, boolean root) {
    List<SyntaxNode> kids = List.of();
    if (n.kids != null) {
      kids = new ArrayList<>(n.kids.size());
      for (N k : n.kids) {
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
