package dev.auditworkbench.engine.repo;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cyclomatic complexity as radon defines it (radon.visitors.ComplexityVisitor): a function is 1
 * plus, in its body, each if, elif and conditional expression; each for/while loop (plus one for
 * its else); each except clause and a try's else (one, however long); each boolean operator; each
 * comprehension's for and if; each assert (without looking inside it). Functions and classes nested
 * inside count on their own, not towards their parent; lambdas add nothing themselves.
 */
public final class Complexity {
  private static final Set<String> NESTED_SCOPES =
      Set.of("function_definition", "class_definition", "decorated_definition");
  private static final Set<String> ONE_EACH =
      Set.of(
          "if_statement",
          "elif_clause",
          "conditional_expression",
          "boolean_operator",
          "for_in_clause",
          "if_clause",
          "except_clause",
          "except_group_clause");

  private Complexity() {}

  /** A function's complexity: 1 + the decision points of its body. */
  public static int ofFunction(SyntaxNode functionDefinition) {
    return 1 + functionDefinition.child("body").map(Complexity::decisionPoints).orElse(0);
  }

  /** Decision points in {@code node} and below, not entering nested functions or classes. */
  public static int decisionPoints(SyntaxNode node) {
    int total = 0;
    for (SyntaxNode child : node.children()) {
      if (NESTED_SCOPES.contains(child.type())) {
        continue;
      }
      if ("assert_statement".equals(child.type())) {
        total += 1; // radon adds one and does not look inside the assert
        continue;
      }
      total += own(child) + decisionPoints(child);
    }
    return total;
  }

  private static int own(SyntaxNode n) {
    if (ONE_EACH.contains(n.type())) {
      return 1;
    }
    return switch (n.type()) {
      case "for_statement", "while_statement" -> 1 + (n.child("alternative").isPresent() ? 1 : 0);
      case "try_statement" ->
          n.childrenOfType("else_clause").isEmpty() ? 0 : 1; // radon: bool(node.orelse)
      case "string" -> n.children().isEmpty() ? fStringDecisions(n.text()) : 0;
      default -> 0;
    };
  }

  private static final Pattern F_PREFIX = Pattern.compile("^[rRbBuU]?[fF][rRbBuU]?['\"]");
  private static final Pattern LITERAL_IN_FIELD = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern DECISION_WORD = Pattern.compile("\\b(if|for|and|or)\\b");

  /**
   * Decisions inside an f-string's replacement fields ({@code f"{a if x else b}"}), which radon
   * counts like any other expression: a conditional, a comprehension's for and if, each and/or.
   */
  static int fStringDecisions(String literal) {
    if (!F_PREFIX.matcher(literal).find() || literal.indexOf('{') < 0) {
      return 0;
    }
    int total = 0;
    int depth = 0;
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '{') {
        if (depth == 0 && i + 1 < literal.length() && literal.charAt(i + 1) == '{') {
          i++; // {{ is a literal brace
          continue;
        }
        depth++;
        if (depth == 1) {
          field.setLength(0);
          continue;
        }
      } else if (c == '}' && depth > 0) {
        depth--;
        if (depth == 0) {
          Matcher w = DECISION_WORD.matcher(LITERAL_IN_FIELD.matcher(field).replaceAll(""));
          while (w.find()) {
            total++;
          }
          continue;
        }
      }
      if (depth > 0) {
        field.append(c);
      }
    }
    return total;
  }
}
