package dev.auditworkbench.engine.repo;

import java.util.List;
import java.util.Map;

/**
 * What one Python module says about itself, read from its syntax tree: imports, classes, functions
 * (with radon complexity), module-level assignments, decorators and calls that matter to Django,
 * and where it is not valid Python 3. {@code builders} keeps the syntax of the functions and
 * methods (by qualname) whose result the inventory reads: those that may build URL patterns (their
 * name mentions "url" or their body calls path(), re_path() or url()) and settings written as
 * methods or properties (UPPER_CASE names, such as a settings class's INSTALLED_APPS).
 */
public record ModuleFacts(
    String path,
    String module,
    LineCounts lines,
    List<ImportRef> imports,
    List<ClassDef> classes,
    List<FunctionDef> functions,
    List<Assignment> assignments,
    List<CallRef> calls,
    List<FormattedAssignment> formatted,
    List<Loop> loops,
    List<ParsedFile.Problem> problems,
    Map<String, SyntaxNode> builders) {

  /**
   * A for loop or comprehension inside a function: its variable, what it iterates (as written), and
   * the attribute chains the body reads from the variable ("invoice.customer.email",
   * "invoice.lines.all"), for N+1 checks.
   */
  public record Loop(
      String function, String variable, String iterable, int line, List<String> chains) {}

  /**
   * An assignment inside a function whose value is built by string formatting ("..." % x,
   * "...".format(x), f"...", "..." + x): what SQL-injection checks follow from a variable to a
   * call.
   */
  public record FormattedAssignment(String function, String target, String value, int line) {}

  /**
   * One imported name. {@code module} is as written (dotted, without leading dots); {@code level}
   * is the number of leading dots of a relative import; {@code name} is the imported name of a
   * "from" import (null for "import x.y"); {@code alias} the "as" name, or null.
   */
  public record ImportRef(
      String module, int level, String name, String alias, int line, boolean deferred) {
    /** A module-level import. {@code deferred} imports are made inside a function, when it runs. */
    public ImportRef(String module, int level, String name, String alias, int line) {
      this(module, level, name, alias, line, false);
    }

    /** The name the import binds in the importing module. */
    public String boundName() {
      if (alias != null) {
        return alias;
      }
      return name != null
          ? name
          : module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
    }
  }

  /**
   * A class. {@code bases} are the superclass expressions as written ("models.Model"). {@code
   * fields} are the body's assignments whose value is a call ("customer" to
   * "models.ForeignKey(Customer, on_delete=...)"); {@code meta} holds the inner Meta class's
   * assignments as written; {@code attributes} the class body's own assignments as written
   * ("serializer_class" to "OrderSerializer"). {@code complexity} is what radon reports for a
   * class: its body's decision points plus its methods' complexity, averaged over the methods (plus
   * one when there are several).
   */
  public record ClassDef(
      String name,
      String qualname,
      List<String> bases,
      List<String> decorators,
      int line,
      int endLine,
      int complexity,
      List<FieldDef> fields,
      Map<String, String> meta,
      List<String> methods,
      Map<String, String> attributes) {}

  /**
   * An assignment in a class body whose value is a call: a model field, a manager, a form field.
   */
  public record FieldDef(
      String name, String callee, List<String> args, Map<String, String> kwargs, int line) {}

  /** A function or method; {@code className} is null for module-level functions. */
  public record FunctionDef(
      String name,
      String qualname,
      String className,
      List<String> params,
      List<String> decorators,
      int line,
      int endLine,
      int complexity) {
    /** The {@code className} of a function defined inside another function (a closure). */
    public static final String CLOSURE = "<closure>";

    public boolean isClosure() {
      return CLOSURE.equals(className);
    }
  }

  /** A module-level assignment: target name and the value's source text. */
  public record Assignment(String target, String value, int line, SyntaxNode valueNode) {}

  /** A call anywhere in the module: callee as written, positional args and keyword args as text. */
  public record CallRef(
      String callee,
      List<String> args,
      Map<String, String> kwargs,
      int line,
      String enclosingFunction) {}
}
