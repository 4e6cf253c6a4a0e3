package dev.auditworkbench.engine.repo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@link ModuleFacts} from a parsed file. */
public final class FactExtractor {
  private FactExtractor() {}

  public static ModuleFacts extract(ParsedFile file, String module) {
    Collector c = new Collector();
    c.visitBlock(file.root(), null, null);
    boolean[] docLines = docstringLines(file);
    return new ModuleFacts(
        file.path(),
        module,
        LineCounts.of(file.source().text(), docLines),
        c.imports,
        c.classes,
        c.functions,
        c.assignments,
        c.calls,
        c.formatted,
        c.loops,
        file.problems(),
        c.builders);
  }

  /**
   * Marks the lines of docstrings: a string that is the first statement of a module, class or def.
   */
  private static boolean[] docstringLines(ParsedFile file) {
    int lines = file.root().endLine() + 1;
    boolean[] marks = new boolean[lines + 1];
    file.root()
        .walk(
            n -> {
              boolean scope = n.type().equals("module");
              SyntaxNode body = scope ? n : null;
              if (n.type().equals("function_definition") || n.type().equals("class_definition")) {
                body = n.child("body").orElse(null);
              }
              if (body == null || body.children().isEmpty()) {
                return;
              }
              SyntaxNode first = body.children().get(0);
              if (first.type().equals("expression_statement")
                  && first.children().size() == 1
                  && first.children().get(0).type().equals("string")) {
                for (int l = first.startLine(); l <= first.endLine() && l - 1 < marks.length; l++) {
                  marks[l - 1] = true;
                }
              }
            });
    return marks;
  }

  private static final class Collector {
    final List<ModuleFacts.ImportRef> imports = new ArrayList<>();
    final List<ModuleFacts.ClassDef> classes = new ArrayList<>();
    final List<ModuleFacts.FunctionDef> functions = new ArrayList<>();
    final List<ModuleFacts.Assignment> assignments = new ArrayList<>();
    final List<ModuleFacts.CallRef> calls = new ArrayList<>();
    final List<ModuleFacts.FormattedAssignment> formatted = new ArrayList<>();
    final List<ModuleFacts.Loop> loops = new ArrayList<>();
    final Map<String, SyntaxNode> builders = new LinkedHashMap<>();

    /**
     * Visits statements of a block. {@code className} is the class whose body this is (methods),
     * {@code function} the function whose body it is (closures are not listed as functions).
     */
    void visitBlock(SyntaxNode block, String className, String function) {
      for (SyntaxNode stmt : block.children()) {
        visitStatement(stmt, className, function, List.of());
      }
    }

    void visitStatement(
        SyntaxNode stmt, String className, String function, List<String> decorators) {
      switch (stmt.type()) {
        case "decorated_definition" -> {
          List<String> decs =
              stmt.childrenOfType("decorator").stream()
                  .map(d -> d.text().substring(1).strip())
                  .toList();
          stmt.child("definition").ifPresent(def -> visitStatement(def, className, function, decs));
        }
        case "function_definition" -> function(stmt, className, function, decorators);
        case "class_definition" -> {
          if (function == null) {
            clazz(stmt, className, decorators);
          } else {
            collectCalls(stmt, function);
          }
        }
        case "import_statement", "import_from_statement", "future_import_statement" ->
            imports(stmt, function != null);
        case "expression_statement" -> {
          if (className == null && function == null) {
            moduleAssignment(stmt);
          }
          if (function != null) {
            formattedAssignment(stmt, function);
          }
          collectCalls(stmt, function);
        }
        default -> {
          // if/try/with/for at any level: their blocks hold definitions and imports too
          for (SyntaxNode child : stmt.children()) {
            if (child.type().equals("block")) {
              visitBlock(child, className, function);
            } else if (child.type().endsWith("_clause")) {
              visitClause(child, className, function);
            } else {
              collectCalls(child, function);
            }
          }
        }
      }
    }

    void visitClause(SyntaxNode clause, String className, String function) {
      for (SyntaxNode child : clause.children()) {
        if (child.type().equals("block")) {
          visitBlock(child, className, function);
        } else {
          collectCalls(child, function);
        }
      }
    }

    void function(SyntaxNode def, String className, String enclosing, List<String> decorators) {
      String name = def.child("name").map(SyntaxNode::text).orElse("?");
      if (enclosing == null) {
        String qual = className == null ? name : className + "." + name;
        def.child("body").ifPresent(body -> collectLoops(body, qual));
      }
      List<String> params =
          def.child("parameters")
              .map(p -> p.children().stream().map(Collector::paramName).toList())
              .orElse(List.of());
      if (enclosing == null) {
        String qual = className == null ? name : className + "." + name;
        functions.add(
            new ModuleFacts.FunctionDef(
                name,
                qual,
                className,
                params,
                decorators,
                def.startLine(),
                def.endLine(),
                Complexity.ofFunction(def)));
        if (readByInventory(name, def)) {
          builders.put(qual, def);
        }
      } else {
        // A function inside a function: radon lists it as a closure of its parent, measured on its
        // own.
        functions.add(
            new ModuleFacts.FunctionDef(
                name,
                enclosing + "." + name,
                ModuleFacts.FunctionDef.CLOSURE,
                params,
                decorators,
                def.startLine(),
                def.endLine(),
                Complexity.ofFunction(def)));
      }
      String inner =
          enclosing == null ? (className == null ? name : className + "." + name) : enclosing;
      def.child("body").ifPresent(b -> visitBlock(b, null, inner));
    }

    private static boolean readByInventory(String name, SyntaxNode def) {
      if (name.toLowerCase(Locale.ROOT).contains("url") || name.matches("[A-Z][A-Z0-9_]*")) {
        return true;
      }
      String text = def.text();
      return text.contains("path(") || text.contains("url(");
    }

    static String paramName(SyntaxNode p) {
      if (p.type().equals("identifier")) {
        return p.text();
      }
      return p.child("name")
          .map(SyntaxNode::text)
          .orElseGet(() -> p.children().isEmpty() ? p.text() : p.children().get(0).text());
    }

    void clazz(SyntaxNode def, String outer, List<String> decorators) {
      String name = def.child("name").map(SyntaxNode::text).orElse("?");
      String qual = outer == null ? name : outer + "." + name;
      List<String> bases =
          def.child("superclasses")
              .map(
                  a ->
                      a.children().stream()
                          .filter(x -> !x.type().equals("keyword_argument"))
                          .map(SyntaxNode::text)
                          .toList())
              .orElse(List.of());
      List<ModuleFacts.FieldDef> fields = new ArrayList<>();
      Map<String, String> meta = new LinkedHashMap<>();
      List<String> methods = new ArrayList<>();
      int complexity = 1;
      SyntaxNode body = def.child("body").orElse(null);
      if (body != null) {
        for (SyntaxNode stmt : body.children()) {
          SyntaxNode inner =
              stmt.type().equals("decorated_definition")
                  ? stmt.child("definition").orElse(stmt)
                  : stmt;
          if (inner.type().equals("class_definition")) {
            if (inner.child("name").map(SyntaxNode::text).orElse("").equals("Meta")) {
              meta.putAll(assignmentsIn(inner));
            }
            continue; // radon lists nested classes apart and adds nothing for them
          }
          if (inner.type().equals("function_definition")) {
            methods.add(inner.child("name").map(SyntaxNode::text).orElse("?"));
            continue;
          }
          fieldOf(stmt).ifPresent(fields::add);
          complexity += Complexity.decisionPoints(wrap(stmt));
        }
        int before = functions.size();
        visitBlock(body, qual, null);
        int methodCount = 0;
        for (int i = before; i < functions.size(); i++) {
          if (qual.equals(functions.get(i).className())) {
            complexity += functions.get(i).complexity();
            methodCount++;
          }
        }
        // radon reports a class as the average of its methods (plus one when there are several)
        if (methodCount > 0) {
          complexity = complexity / methodCount + (methodCount > 1 ? 1 : 0);
        }
      }
      classes.add(
          new ModuleFacts.ClassDef(
              name,
              qual,
              bases,
              decorators,
              def.startLine(),
              def.endLine(),
              complexity,
              fields,
              meta,
              methods,
              assignmentsIn(def)));
    }

    /** Complexity.decisionPoints looks at children; a statement is wrapped so it counts itself. */
    private static SyntaxNode wrap(SyntaxNode stmt) {
      SyntaxNode holder =
          new SyntaxNode("block", null, 0, 0, stmt.startLine(), stmt.endLine(), false, null);
      holder.add(stmt);
      return holder;
    }

    static Map<String, String> assignmentsIn(SyntaxNode classDef) {
      Map<String, String> out = new LinkedHashMap<>();
      classDef
          .child("body")
          .ifPresent(
              b -> {
                for (SyntaxNode stmt : b.children()) {
                  assignment(stmt)
                      .ifPresent(
                          a ->
                              out.put(
                                  a.child("left").map(SyntaxNode::text).orElse("?"),
                                  a.child("right").map(SyntaxNode::text).orElse("")));
                }
              });
      return out;
    }

    static Optional<SyntaxNode> assignment(SyntaxNode stmt) {
      if (!stmt.type().equals("expression_statement") || stmt.children().isEmpty()) {
        return Optional.empty();
      }
      SyntaxNode first = stmt.children().get(0);
      return first.type().equals("assignment") ? Optional.of(first) : Optional.empty();
    }

    static Optional<ModuleFacts.FieldDef> fieldOf(SyntaxNode stmt) {
      return assignment(stmt)
          .flatMap(
              a -> {
                Optional<SyntaxNode> left = a.child("left");
                Optional<SyntaxNode> right = a.child("right");
                if (left.isEmpty()
                    || right.isEmpty()
                    || !right.get().type().equals("call")
                    || !left.get().type().equals("identifier")) {
                  return Optional.empty();
                }
                CallParts parts = CallParts.of(right.get());
                return Optional.of(
                    new ModuleFacts.FieldDef(
                        left.get().text(), parts.callee, parts.args, parts.kwargs, a.startLine()));
              });
    }

    void moduleAssignment(SyntaxNode stmt) {
      assignment(stmt)
          .ifPresent(
              a -> {
                SyntaxNode left = a.child("left").orElse(null);
                SyntaxNode right = a.child("right").orElse(null);
                if (left != null && right != null) {
                  assignments.add(
                      new ModuleFacts.Assignment(left.text(), right.text(), a.startLine(), right));
                }
              });
      stmt.children().stream()
          .filter(c -> c.type().equals("augmented_assignment"))
          .forEach(
              a -> {
                SyntaxNode left = a.child("left").orElse(null);
                SyntaxNode right = a.child("right").orElse(null);
                if (left != null && right != null) {
                  assignments.add(
                      new ModuleFacts.Assignment(
                          left.text() + "+", right.text(), a.startLine(), right));
                }
              });
      // urlpatterns.extend([...]) and urlpatterns.append(path(...)) grow a list as += does
      stmt.children().stream()
          .filter(c -> c.type().equals("call"))
          .forEach(
              call -> {
                SyntaxNode fn = call.child("function").orElse(null);
                if (fn == null || !fn.type().equals("attribute")) {
                  return;
                }
                String attr = fn.child("attribute").map(SyntaxNode::text).orElse("");
                String object = fn.child("object").map(SyntaxNode::text).orElse("");
                List<SyntaxNode> args =
                    call.child("arguments")
                        .map(
                            x ->
                                x.children().stream()
                                    .filter(
                                        c ->
                                            !c.type().equals("comment")
                                                && !c.type().equals("keyword_argument"))
                                    .toList())
                        .orElse(List.of());
                if (args.size() == 1 && (attr.equals("extend") || attr.equals("append"))) {
                  String suffix = attr.equals("extend") ? "+" : "+append";
                  assignments.add(
                      new ModuleFacts.Assignment(
                          object + suffix, args.get(0).text(), call.startLine(), args.get(0)));
                }
              });
    }

    void formattedAssignment(SyntaxNode stmt, String function) {
      assignment(stmt)
          .ifPresent(
              a -> {
                SyntaxNode left = a.child("left").orElse(null);
                SyntaxNode right = a.child("right").orElse(null);
                if (left != null
                    && right != null
                    && left.type().equals("identifier")
                    && StringFormatting.isFormatted(right.text())) {
                  formatted.add(
                      new ModuleFacts.FormattedAssignment(
                          function, left.text(), right.text(), a.startLine()));
                }
              });
    }

    /**
     * Loops and comprehensions anywhere in a function body, with the chains read from their
     * variable.
     */
    void collectLoops(SyntaxNode body, String function) {
      body.walk(
          n -> {
            if (n.type().equals("for_statement")) {
              SyntaxNode left = n.child("left").orElse(null);
              SyntaxNode right = n.child("right").orElse(null);
              SyntaxNode loopBody = n.child("body").orElse(null);
              if (left != null
                  && right != null
                  && loopBody != null
                  && left.type().equals("identifier")) {
                loops.add(
                    new ModuleFacts.Loop(
                        function,
                        left.text(),
                        right.text(),
                        n.startLine(),
                        chains(loopBody, left.text())));
              }
            } else if (n.type().endsWith("_comprehension")
                || n.type().equals("generator_expression")) {
              SyntaxNode body0 = n.child("body").orElse(null);
              n.childrenOfType("for_in_clause").stream()
                  .findFirst()
                  .ifPresent(
                      clause -> {
                        SyntaxNode left = clause.child("left").orElse(null);
                        SyntaxNode right = clause.child("right").orElse(null);
                        if (left != null
                            && right != null
                            && body0 != null
                            && left.type().equals("identifier")) {
                          List<String> used = new ArrayList<>(chains(body0, left.text()));
                          used.addAll(callsWith(body0, left.text()));
                          loops.add(
                              new ModuleFacts.Loop(
                                  function, left.text(), right.text(), n.startLine(), used));
                        }
                      });
            }
          });
    }

    /** "v.a.b" and "v.a.all" chains read in a node, longest form of each. */
    private static List<String> chains(SyntaxNode node, String variable) {
      Set<String> out = new LinkedHashSet<>();
      node.walk(
          n -> {
            if (n.type().equals("attribute")) {
              String t = n.text().replaceAll("\\s+", "");
              if (t.startsWith(variable + ".")) {
                out.add(t);
              }
            }
          });
      return new ArrayList<>(out);
    }

    /** Calls that take the loop variable: "serialize_invoice(i)" gives "call:serialize_invoice". */
    private static List<String> callsWith(SyntaxNode node, String variable) {
      List<String> out = new ArrayList<>();
      node.walk(
          n -> {
            if (n.type().equals("call")) {
              CallParts parts = CallParts.of(n);
              if (parts.args().contains(variable)) {
                out.add("call:" + parts.callee());
              }
            }
          });
      return out;
    }

    void collectCalls(SyntaxNode node, String function) {
      node.walk(
          n -> {
            if (n.type().equals("call")) {
              CallParts parts = CallParts.of(n);
              calls.add(
                  new ModuleFacts.CallRef(
                      parts.callee, parts.args, parts.kwargs, n.startLine(), function));
            }
          });
    }

    void imports(SyntaxNode stmt, boolean deferred) {
      int line = stmt.startLine();
      if (stmt.type().equals("import_statement")) {
        for (SyntaxNode name : stmt.childrenWithField("name")) {
          String dotted =
              name.type().equals("aliased_import")
                  ? name.child("name").map(SyntaxNode::text).orElse("")
                  : name.text();
          imports.add(new ModuleFacts.ImportRef(dotted, 0, null, alias(name), line, deferred));
        }
        return;
      }
      if (stmt.type().equals("future_import_statement")) {
        return;
      }
      SyntaxNode moduleNode = stmt.child("module_name").orElse(null);
      if (moduleNode == null) {
        return;
      }
      String module;
      int level = 0;
      if (moduleNode.type().equals("relative_import")) {
        level =
            moduleNode.childrenOfType("import_prefix").stream()
                .mapToInt(p -> p.text().strip().length())
                .sum();
        module =
            moduleNode.childrenOfType("dotted_name").stream()
                .map(SyntaxNode::text)
                .findFirst()
                .orElse("");
      } else {
        module = moduleNode.text();
      }
      List<SyntaxNode> names = stmt.childrenWithField("name");
      if (names.isEmpty()) {
        imports.add(
            new ModuleFacts.ImportRef(module, level, "*", null, line, deferred)); // wildcard
      }
      for (SyntaxNode name : names) {
        String n =
            name.type().equals("aliased_import")
                ? name.child("name").map(SyntaxNode::text).orElse("")
                : name.text();
        imports.add(new ModuleFacts.ImportRef(module, level, n, alias(name), line, deferred));
      }
    }

    private static String alias(SyntaxNode name) {
      return name.type().equals("aliased_import")
          ? name.child("alias").map(SyntaxNode::text).orElse(null)
          : null;
    }
  }

  /** The parts of a call expression as source text. */
  record CallParts(String callee, List<String> args, Map<String, String> kwargs) {
    static CallParts of(SyntaxNode call) {
      String callee = call.child("function").map(SyntaxNode::text).orElse("");
      List<String> args = new ArrayList<>();
      Map<String, String> kwargs = new LinkedHashMap<>();
      call.child("arguments")
          .ifPresent(
              a -> {
                for (SyntaxNode arg : a.children()) {
                  if (arg.type().equals("keyword_argument")) {
                    kwargs.put(
                        arg.child("name").map(SyntaxNode::text).orElse("?"),
                        arg.child("value").map(SyntaxNode::text).orElse(""));
                  } else if (!arg.type().equals("comment")) {
                    args.add(arg.text());
                  }
                }
              });
      return new CallParts(callee, args, kwargs);
    }
  }
}
