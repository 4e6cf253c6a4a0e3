package dev.auditworkbench.engine.repo;

import static dev.auditworkbench.engine.repo.Python3Tokens.EOF;
import static dev.auditworkbench.engine.repo.Python3Tokens.KEYWORD;
import static dev.auditworkbench.engine.repo.Python3Tokens.NAME;
import static dev.auditworkbench.engine.repo.Python3Tokens.NEWLINE;
import static dev.auditworkbench.engine.repo.Python3Tokens.NUMBER;
import static dev.auditworkbench.engine.repo.Python3Tokens.OP;
import static dev.auditworkbench.engine.repo.Python3Tokens.STRING;

/**
 * Python 3 expressions, from lambdas and conditionals down to atoms, displays, comprehensions,
 * calls, slices and patterns: the middle layer of {@link FastPythonParser}, building the nodes
 * tree-sitter-python builds.
 */
class PythonExpressionParser extends PythonTokenCursor {
  PythonExpressionParser(Python3Tokens tokens) {
    super(tokens);
  }

  // ---- expressions

  /**
   * expression, or several separated by commas as expression_list (return, del, for ... in, raise).
   */
  N expressions() {
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

  boolean endsList() {
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
  N starExpressions() {
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
  N starOrExpression(boolean strict) {
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
  void checkSingleStar(N display) {
    if (display.kids.size() == 1) {
      N only = display.kids.get(0);
      if (only.type.equals("list_splat") && !only.kids.get(0).type.equals("identifier")) {
        throw error("one-item list or set of a starred expression other than a name");
      }
    }
  }

  /** Targets of a for loop or comprehension: stops before 'in'. */
  N targets() {
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

  N target() {
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
  N pattern(N e) {
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
  N expression() {
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
  N noConditional() {
    if (isKw("lambda")) {
      return lambda(false);
    }
    return or();
  }

  N lambda(boolean withConditional) {
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

  N or() {
    N left = and();
    while (isKw("or")) {
      N b = around("boolean_operator", "left", left);
      p++;
      b.add("right", and());
      left = close(b);
    }
    return left;
  }

  N and() {
    N left = not();
    while (isKw("and")) {
      N b = around("boolean_operator", "left", left);
      p++;
      b.add("right", not());
      left = close(b);
    }
    return left;
  }

  N not() {
    if (isKw("not")) {
      N n = open("not_operator");
      p++;
      n.add("argument", not());
      return close(n);
    }
    return comparison();
  }

  N comparison() {
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
  N bitOr() {
    N left = bitAnd();
    while (isOp("|")) {
      left = binary(left, 0);
    }
    return left;
  }

  N bitAnd() {
    N left = xor();
    while (isOp("&")) {
      left = binary(left, 1);
    }
    return left;
  }

  N xor() {
    N left = shift();
    while (isOp("^")) {
      left = binary(left, 2);
    }
    return left;
  }

  N shift() {
    N left = arith();
    while (isOp("<<") || isOp(">>")) {
      left = binary(left, 3);
    }
    return left;
  }

  N arith() {
    N left = term();
    while (isOp("+") || isOp("-")) {
      left = binary(left, 4);
    }
    return left;
  }

  N term() {
    N left = factor();
    while (isOp("*") || isOp("/") || isOp("//") || isOp("%") || isOp("@")) {
      left = binary(left, 5);
    }
    return left;
  }

  N binary(N left, int level) {
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

  N factor() {
    if (isOp("-") || isOp("+") || isOp("~")) {
      N u = open("unary_operator");
      p++;
      u.add("argument", factor());
      return close(u);
    }
    return power();
  }

  N power() {
    N base = awaitPrimary();
    if (isOp("**")) {
      N b = around("binary_operator", "left", base);
      p++;
      b.add("right", factor());
      return close(b);
    }
    return base;
  }

  N awaitPrimary() {
    if (isKw("await")) {
      N a = open("await");
      p++;
      a.add(awaitPrimary());
      return close(a);
    }
    return primary();
  }

  /** An atom followed by attribute accesses, calls and subscripts. */
  N primary() {
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

  static boolean hasSplat(N arguments) {
    if (arguments.kids != null) {
      for (N k : arguments.kids) {
        if (k.type.equals("list_splat")) {
          return true;
        }
      }
    }
    return false;
  }

  N sliceOrExpression() {
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

  N sliceRest(N s) {
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
  N callArguments() {
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

  N argument() {
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

  void comprehensionClauses(N owner) {
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

  N atom() {
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

  N parenthesised() {
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

  N bracketed() {
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

  N braced() {
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

  N dictItemOrElement() {
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

  N yieldExpression() {
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

  N parameter(boolean annotated) {
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
  boolean defaultFollowsType() {
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
  N type() {
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

  boolean isGenericStart() {
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

  N genericType() {
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

  static boolean isSoftKeyword(String name) {
    return switch (name) {
      case "type", "match", "case", "print", "exec", "_" -> true;
      default -> false;
    };
  }
}
