package dev.auditworkbench.engine.repo;

import java.util.Set;

/**
 * Cyclomatic complexity as radon defines it (radon.visitors.ComplexityVisitor): a function is 1
 * plus, in its body, each if, elif and conditional expression; each for/while loop (plus one for
 * its else); each except clause and a try's else block's statements; each boolean operator; each
 * comprehension's for and if; each assert (without looking inside it). Functions and classes nested inside count on their
 * own, not towards their parent; lambdas add nothing themselves.
 */
public final class Complexity {
  private static final Set<String> NESTED_SCOPES = Set.of("function_definition", "class_definition", "decorated_definition");
  private static final Set<String> ONE_EACH =
      Set.of("if_statement", "elif_clause", "conditional_expression", "boolean_operator",
          "for_in_clause", "if_clause", "except_clause", "except_group_clause");

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
      case "try_statement" -> n.childrenOfType("else_clause").stream()
          .mapToInt(e -> e.child("body").map(b -> statementCount(b)).orElse(0)).sum();
      default -> 0;
    };
  }

  /** Statements directly in a block (radon counts a try's else by its statements). */
  private static int statementCount(SyntaxNode block) {
    return (int) block.children().stream().filter(c -> !"comment".equals(c.type())).count();
  }
}
