package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.SyntaxNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates, without running anything, the small functions projects write to build URL patterns:
 * {@code *get_schedule_urls("schedule")} (a comprehension of {@code path()} calls over a literal
 * list of tuples, patterns made with f-strings from the arguments) and {@code
 * *TagView.get_urls(url_base="tags", url_name="tag")} (a class method that asks another class
 * method for each action's pattern, reading class attributes a subclass may override).
 *
 * <p>The evaluator knows strings (f-strings with names and attribute chains in their fields, {@code
 * strip}/{@code rstrip}/{@code lstrip}/{@code replace}/{@code format}), booleans, numbers, {@code
 * None}, lists, tuples, dict keys, the project's classes (attributes and methods found through
 * their bases, {@code cls} bound to the class the call was made on), module constants, assignments,
 * {@code if}/{@code elif}/{@code else}, {@code for}, {@code return}, comprehensions, {@code
 * and}/{@code or}/{@code not}, comparisons and conditional expressions. Anything else makes the
 * whole call unresolvable, and the inventory lists it as unresolved: a guess is never made.
 */
final class RouteBuilders {
  private static final Set<String> ROUTE_FUNCTIONS = Set.of("path", "re_path", "url");
  private static final int MAX_DEPTH = 24;
  private static final int MAX_STEPS = 20_000;

  /** A route a builder returned. {@code view} is the dotted name of its view. */
  record Built(String function, String pattern, String view, String name, boolean classView) {}

  /** The view a route's target names, as the inventory reads it when it is not a value here. */
  interface ViewReader {
    String view(ModuleFacts m, SyntaxNode target);
  }

  private final PythonNames b;
  private final Map<String, ModuleFacts> byModule;
  private final ViewReader views;
  private int steps;

  RouteBuilders(PythonNames builder, Map<String, ModuleFacts> byModule, ViewReader views) {
    this.b = builder;
    this.byModule = byModule;
    this.views = views;
  }

  /**
   * The routes {@code call} (written in module {@code m}) returns, or empty when it cannot be
   * known.
   */
  Optional<List<Built>> routes(ModuleFacts m, SyntaxNode call) {
    steps = 0;
    try {
      Object v = eval(new Frame(m, new HashMap<>(), 0), call);
      if (!(v instanceof Seq seq) || seq.items.isEmpty()) {
        return Optional.empty();
      }
      List<Built> out = new ArrayList<>();
      for (Object item : seq.items) {
        if (!(item instanceof Built r)) {
          return Optional.empty();
        }
        out.add(r);
      }
      return Optional.of(out);
    } catch (Unresolvable | StackOverflowError e) {
      return Optional.empty();
    }
  }

  // -- values ------------------------------------------------------------------------------

  private static final Object NONE =
      new Object() {
        @Override
        public String toString() {
          return "None";
        }
      };

  private record Seq(List<Object> items) {}

  private record Dict(LinkedHashMap<Object, Object> entries) {}

  /** A class of the project: where it is defined, and its dotted name. */
  private record Cls(ModuleFacts home, ModuleFacts.ClassDef def, String qualified) {}

  /** A function or method; {@code bound} is the class its first parameter stands for. */
  private record Fn(ModuleFacts home, SyntaxNode def, Cls bound) {}

  private record Module(ModuleFacts facts) {}

  /** Something that can only be a view: a function or class named by its dotted name. */
  private record Named(String qualified, boolean classView) {}

  /** A method of a value, waiting for its call. */
  private record Method(Object self, String name) {}

  private static final class Unresolvable extends RuntimeException {
    Unresolvable() {
      super(null, null, false, false);
    }
  }

  private static Unresolvable cannot() {
    return new Unresolvable();
  }

  private record Frame(ModuleFacts m, Map<String, Object> locals, int depth) {}

  private static final class Return extends RuntimeException {
    final transient Object value;

    Return(Object value) {
      super(null, null, false, false);
      this.value = value;
    }
  }

  // -- statements --------------------------------------------------------------------------

  private Object call(Fn fn, List<Object> args, Map<String, Object> kwargs, int depth) {
    if (depth > MAX_DEPTH) {
      throw cannot();
    }
    Frame f = new Frame(fn.home(), new HashMap<>(), depth + 1);
    List<SyntaxNode> params =
        fn.def().child("parameters").map(p -> significant(p.children())).orElse(List.of());
    int next = 0;
    boolean first = true;
    for (SyntaxNode p : params) {
      if (p.type().equals("positional_separator") || p.type().equals("keyword_separator")) {
        continue;
      }
      if (p.type().equals("list_splat_pattern") || p.type().equals("dictionary_splat_pattern")) {
        f.locals()
            .put(
                p.text().replace("*", ""),
                p.type().startsWith("list")
                    ? new Seq(new ArrayList<>())
                    : new Dict(new LinkedHashMap<>()));
        continue;
      }
      String name =
          p.type().equals("identifier")
              ? p.text()
              : p.child("name")
                  .map(SyntaxNode::text)
                  .orElseGet(() -> p.children().isEmpty() ? p.text() : p.children().get(0).text());
      if (first && fn.bound() != null) {
        f.locals().put(name, fn.bound());
        first = false;
        continue;
      }
      first = false;
      if (kwargs.containsKey(name)) {
        f.locals().put(name, kwargs.get(name));
      } else if (next < args.size()) {
        f.locals().put(name, args.get(next++));
      } else {
        SyntaxNode dflt = p.child("value").orElseThrow(RouteBuilders::cannot);
        f.locals().put(name, eval(new Frame(fn.home(), new HashMap<>(), depth + 1), dflt));
      }
    }
    SyntaxNode body = fn.def().child("body").orElseThrow(RouteBuilders::cannot);
    try {
      block(f, body);
    } catch (Return r) {
      return r.value;
    }
    return NONE;
  }

  private void block(Frame f, SyntaxNode block) {
    for (SyntaxNode s : block.children()) {
      statement(f, s);
    }
  }

  private void statement(Frame f, SyntaxNode s) {
    if (++steps > MAX_STEPS) {
      throw cannot();
    }
    switch (s.type()) {
      case "comment", "pass_statement" -> {}
      case "return_statement" -> {
        List<SyntaxNode> kids = significant(s.children());
        throw new Return(kids.isEmpty() ? NONE : eval(f, kids.get(0)));
      }
      case "expression_statement" -> {
        for (SyntaxNode e : significant(s.children())) {
          switch (e.type()) {
            case "assignment" ->
                assign(
                    f,
                    e.child("left").orElseThrow(RouteBuilders::cannot),
                    eval(f, e.child("right").orElseThrow(RouteBuilders::cannot)));
            case "string" -> {} // a docstring
            case "call" -> sideEffect(f, e);
            default -> throw cannot();
          }
        }
      }
      case "if_statement" -> {
        if (truthy(eval(f, s.child("condition").orElseThrow(RouteBuilders::cannot)))) {
          block(f, s.child("consequence").orElseThrow(RouteBuilders::cannot));
          return;
        }
        for (SyntaxNode alt : s.childrenWithField("alternative")) {
          if (alt.type().equals("elif_clause")) {
            if (truthy(eval(f, alt.child("condition").orElseThrow(RouteBuilders::cannot)))) {
              block(f, alt.child("consequence").orElseThrow(RouteBuilders::cannot));
              return;
            }
          } else {
            block(f, alt.child("body").orElseThrow(RouteBuilders::cannot));
            return;
          }
        }
      }
      case "for_statement" -> {
        if (s.child("alternative").isPresent()) {
          throw cannot();
        }
        SyntaxNode left = s.child("left").orElseThrow(RouteBuilders::cannot);
        for (Object item : iterate(eval(f, s.child("right").orElseThrow(RouteBuilders::cannot)))) {
          assign(f, left, item);
          block(f, s.child("body").orElseThrow(RouteBuilders::cannot));
        }
      }
      default -> throw cannot(); // while, try, with, break, raise...: not something to guess
    }
  }

  /**
   * {@code urls.append(path(...))} and {@code urls.extend([...])} on a local list; other calls are
   * not known.
   */
  private void sideEffect(Frame f, SyntaxNode call) {
    SyntaxNode fn = call.child("function").orElseThrow(RouteBuilders::cannot);
    if (fn.type().equals("attribute")) {
      String attr = fn.child("attribute").map(SyntaxNode::text).orElse("");
      Object target = eval(f, fn.child("object").orElseThrow(RouteBuilders::cannot));
      List<SyntaxNode> args = positional(call);
      if (target instanceof Seq seq && args.size() == 1 && attr.equals("append")) {
        seq.items().add(eval(f, args.get(0)));
        return;
      }
      if (target instanceof Seq seq && args.size() == 1 && attr.equals("extend")) {
        seq.items().addAll(iterate(eval(f, args.get(0))));
        return;
      }
    }
    throw cannot();
  }

  private void assign(Frame f, SyntaxNode target, Object value) {
    switch (target.type()) {
      case "identifier" -> f.locals().put(target.text(), value);
      case "pattern_list", "tuple_pattern", "list_pattern" -> {
        List<SyntaxNode> names = significant(target.children());
        List<Object> items = iterate(value);
        if (items.size() != names.size()) {
          throw cannot();
        }
        for (int i = 0; i < names.size(); i++) {
          assign(f, names.get(i), items.get(i));
        }
      }
      default -> throw cannot();
    }
  }

  // -- expressions -------------------------------------------------------------------------

  private Object eval(Frame f, SyntaxNode e) {
    if (++steps > MAX_STEPS || f.depth() > MAX_DEPTH) {
      throw cannot();
    }
    switch (e.type()) {
      case "string", "concatenated_string" -> {
        return strings(f, e);
      }
      case "integer" -> {
        try {
          return Long.parseLong(e.text().replace("_", ""));
        } catch (NumberFormatException x) {
          throw cannot();
        }
      }
      case "true" -> {
        return Boolean.TRUE;
      }
      case "false" -> {
        return Boolean.FALSE;
      }
      case "none" -> {
        return NONE;
      }
      case "identifier" -> {
        if (f.locals().containsKey(e.text())) {
          return f.locals().get(e.text());
        }
        return global(f.m(), e.text(), f.depth());
      }
      case "attribute" -> {
        Object self = eval(f, e.child("object").orElseThrow(RouteBuilders::cannot));
        return attribute(
            self,
            e.child("attribute").map(SyntaxNode::text).orElseThrow(RouteBuilders::cannot),
            f.depth());
      }
      case "call" -> {
        return callExpression(f, e);
      }
      case "list", "tuple", "expression_list" -> {
        List<Object> items = new ArrayList<>();
        for (SyntaxNode c : significant(e.children())) {
          if (c.type().equals("list_splat")) {
            items.addAll(iterate(eval(f, significant(c.children()).get(0))));
          } else {
            items.add(eval(f, c));
          }
        }
        return new Seq(items);
      }
      case "parenthesized_expression" -> {
        List<SyntaxNode> kids = significant(e.children());
        if (kids.size() != 1) {
          throw cannot();
        }
        return eval(f, kids.get(0));
      }
      case "dictionary" -> {
        LinkedHashMap<Object, Object> entries = new LinkedHashMap<>();
        for (SyntaxNode pair : significant(e.children())) {
          if (!pair.type().equals("pair")) {
            throw cannot();
          }
          entries.put(
              eval(f, pair.child("key").orElseThrow(RouteBuilders::cannot)),
              eval(f, pair.child("value").orElseThrow(RouteBuilders::cannot)));
        }
        return new Dict(entries);
      }
      case "list_comprehension", "generator_expression" -> {
        List<SyntaxNode> kids = significant(e.children());
        SyntaxNode body = e.child("body").orElse(kids.get(0));
        List<SyntaxNode> clauses =
            kids.stream()
                .filter(k -> k.type().equals("for_in_clause") || k.type().equals("if_clause"))
                .toList();
        List<Object> out = new ArrayList<>();
        comprehension(
            new Frame(f.m(), new HashMap<>(f.locals()), f.depth()), body, clauses, 0, out);
        return new Seq(out);
      }
      case "boolean_operator" -> {
        SyntaxNode left = e.child("left").orElseThrow(RouteBuilders::cannot);
        SyntaxNode right = e.child("right").orElseThrow(RouteBuilders::cannot);
        String op = between(e, left, right);
        Object l = eval(f, left);
        if (op.equals("or")) {
          return truthy(l) ? l : eval(f, right);
        }
        if (op.equals("and")) {
          return truthy(l) ? eval(f, right) : l;
        }
        throw cannot();
      }
      case "not_operator" -> {
        return !truthy(eval(f, e.child("argument").orElseThrow(RouteBuilders::cannot)));
      }
      case "comparison_operator" -> {
        List<SyntaxNode> kids =
            significant(e.children()).stream().filter(k -> !isOperatorToken(k)).toList();
        if (kids.size() != 2) {
          throw cannot();
        }
        String op = between(e, kids.get(0), kids.get(1)).replaceAll("\\s+", " ");
        return compare(eval(f, kids.get(0)), op, eval(f, kids.get(1)));
      }
      case "conditional_expression" -> {
        List<SyntaxNode> kids = significant(e.children());
        if (kids.size() != 3) {
          throw cannot();
        }
        return truthy(eval(f, kids.get(1))) ? eval(f, kids.get(0)) : eval(f, kids.get(2));
      }
      case "binary_operator" -> {
        List<SyntaxNode> kids =
            significant(e.children()).stream().filter(k -> !isOperatorToken(k)).toList();
        if (kids.size() != 2 || !between(e, kids.get(0), kids.get(1)).equals("+")) {
          throw cannot();
        }
        Object l = eval(f, kids.get(0));
        Object r = eval(f, kids.get(1));
        if (l instanceof String a && r instanceof String c) {
          return a + c;
        }
        if (l instanceof Seq a && r instanceof Seq c) {
          List<Object> all = new ArrayList<>(a.items());
          all.addAll(c.items());
          return new Seq(all);
        }
        throw cannot();
      }
      default -> throw cannot();
    }
  }

  private void comprehension(
      Frame f, SyntaxNode body, List<SyntaxNode> clauses, int at, List<Object> out) {
    if (at == clauses.size()) {
      out.add(eval(f, body));
      return;
    }
    SyntaxNode clause = clauses.get(at);
    if (clause.type().equals("if_clause")) {
      if (truthy(eval(f, significant(clause.children()).get(0)))) {
        comprehension(f, body, clauses, at + 1, out);
      }
      return;
    }
    SyntaxNode left = clause.child("left").orElseThrow(RouteBuilders::cannot);
    for (Object item : iterate(eval(f, clause.child("right").orElseThrow(RouteBuilders::cannot)))) {
      assign(f, left, item);
      comprehension(f, body, clauses, at + 1, out);
    }
  }

  private Object callExpression(Frame f, SyntaxNode call) {
    SyntaxNode fnNode = call.child("function").orElseThrow(RouteBuilders::cannot);
    String simple = fnNode.text().substring(fnNode.text().lastIndexOf('.') + 1);
    if (ROUTE_FUNCTIONS.contains(simple) && !isProjectFunction(f, fnNode)) {
      return route(f, call, simple);
    }
    Object fn = eval(f, fnNode);
    List<Object> args = new ArrayList<>();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    for (SyntaxNode a :
        call.child("arguments").map(x -> significant(x.children())).orElse(List.of())) {
      switch (a.type()) {
        case "keyword_argument" ->
            kwargs.put(
                a.child("name").map(SyntaxNode::text).orElseThrow(RouteBuilders::cannot),
                eval(f, a.child("value").orElseThrow(RouteBuilders::cannot)));
        case "list_splat", "dictionary_splat" -> throw cannot();
        default -> args.add(eval(f, a));
      }
    }
    if (fn instanceof Fn function) {
      return call(function, args, kwargs, f.depth());
    }
    if (fn instanceof Method method) {
      return method(method, args, kwargs);
    }
    if (fn instanceof Named named
        && (named.qualified().equals("list") || named.qualified().equals("tuple"))
        && args.size() == 1) {
      return new Seq(new ArrayList<>(iterate(args.get(0))));
    }
    throw cannot();
  }

  /**
   * {@code path(pattern, view, name=...)}: the pattern and name must be known; the view is read as
   * written.
   */
  private Built route(Frame f, SyntaxNode call, String function) {
    List<SyntaxNode> args = positional(call);
    SyntaxNode patternNode =
        keyword(call, "route")
            .or(() -> keyword(call, "regex"))
            .orElse(args.isEmpty() ? null : args.get(0));
    SyntaxNode viewNode = keyword(call, "view").orElse(args.size() > 1 ? args.get(1) : null);
    if (patternNode == null || viewNode == null) {
      throw cannot();
    }
    if (!(eval(f, patternNode) instanceof String pattern)) {
      throw cannot();
    }
    Object name = keyword(call, "name").map(n -> eval(f, n)).orElse(NONE);
    String view;
    boolean classView;
    Object v;
    try {
      v = eval(f, viewNode);
    } catch (Unresolvable x) {
      v = null;
    }
    if (v instanceof Named named) {
      view = named.qualified();
      classView = named.classView();
    } else if (v instanceof Cls c) {
      view = c.qualified();
      classView = true;
    } else if (v instanceof Fn fn) {
      view = fn.home().module() + "." + fn.def().child("name").map(SyntaxNode::text).orElse("?");
      classView = false;
    } else if (v == null && !f.locals().isEmpty() && mentionsLocal(f, viewNode)) {
      throw cannot(); // a view made from a parameter we could not read
    } else {
      view = views.view(f.m(), viewNode);
      classView = viewNode.text().contains(".as_view(");
    }
    if (name instanceof Built || name instanceof Seq) {
      throw cannot();
    }
    return new Built(
        function, pattern, view, name == NONE ? null : String.valueOf(name), classView);
  }

  private static boolean mentionsLocal(Frame f, SyntaxNode node) {
    boolean[] found = {false};
    node.walk(
        n -> {
          if (n.type().equals("identifier") && f.locals().containsKey(n.text())) {
            found[0] = true;
          }
        });
    return found[0];
  }

  private boolean isProjectFunction(Frame f, SyntaxNode fnNode) {
    if (fnNode.type().equals("identifier") && f.locals().containsKey(fnNode.text())) {
      return true;
    }
    String q = b.qualify(f.m().module(), fnNode.text());
    return !q.startsWith("django.") && !q.equals(fnNode.text()) && moduleFunction(q) != null;
  }

  private Object method(Method m, List<Object> args, Map<String, Object> kwargs) {
    Object self = m.self();
    if (self instanceof Cls c && m.name().equals("as_view")) {
      return new Named(c.qualified(), true);
    }
    if (self instanceof String s && kwargs.isEmpty()) {
      switch (m.name()) {
        case "strip", "rstrip", "lstrip" -> {
          if (args.size() > 1 || !args.isEmpty() && !(args.get(0) instanceof String)) {
            throw cannot();
          }
          String chars = args.isEmpty() ? " \t\n\r\f\u000b" : (String) args.get(0);
          int start = 0;
          int end = s.length();
          if (!m.name().equals("rstrip")) {
            while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
              start++;
            }
          }
          if (!m.name().equals("lstrip")) {
            while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
              end--;
            }
          }
          return s.substring(start, end);
        }
        case "replace" -> {
          if (args.size() == 2
              && args.get(0) instanceof String a
              && args.get(1) instanceof String c) {
            return s.replace(a, c);
          }
          throw cannot();
        }
        case "lower" -> {
          return s.toLowerCase(Locale.ROOT);
        }
        case "upper" -> {
          return s.toUpperCase(Locale.ROOT);
        }
        default -> throw cannot();
      }
    }
    if (self instanceof Dict d && args.isEmpty() && kwargs.isEmpty()) {
      switch (m.name()) {
        case "keys" -> {
          return new Seq(new ArrayList<>(d.entries().keySet()));
        }
        case "values" -> {
          return new Seq(new ArrayList<>(d.entries().values()));
        }
        case "items" -> {
          List<Object> items = new ArrayList<>();
          d.entries().forEach((k, v) -> items.add(new Seq(List.of(k, v))));
          return new Seq(items);
        }
        default -> throw cannot();
      }
    }
    throw cannot();
  }

  private Object attribute(Object self, String name, int depth) {
    if (self instanceof Cls c) {
      return classAttribute(c, c, name, depth, 0);
    }
    if (self instanceof Module mod) {
      return global(mod.facts(), name, depth);
    }
    if (self instanceof Named n) {
      return new Named(n.qualified() + "." + name, false);
    }
    if (self instanceof String || self instanceof Dict) {
      return new Method(self, name);
    }
    throw cannot();
  }

  /** An attribute of {@code cls} found on {@code at} or its bases, depth first, left to right. */
  private Object classAttribute(Cls cls, Cls at, String name, int depth, int hops) {
    if (hops > 12) {
      throw cannot();
    }
    if (name.equals("as_view")) {
      return new Method(cls, name);
    }
    String value = at.def().attributes().get(name);
    if (value != null) {
      return literal(value);
    }
    SyntaxNode method = at.home().builders().get(at.def().qualname() + "." + name);
    if (method != null) {
      return new Fn(at.home(), method, cls);
    }
    if (at.def().methods().contains(name)) {
      throw cannot(); // a method that builds no URL: nothing we evaluate
    }
    for (String base : at.def().bases()) {
      Cls parent = classNamed(b.qualify(at.home().module(), base));
      if (parent != null) {
        try {
          return classAttribute(cls, parent, name, depth, hops + 1);
        } catch (Unresolvable notThere) {
          // the next base may have it
        }
      }
    }
    throw cannot();
  }

  /** A class attribute as written: a literal we can read, else unknown. */
  private static Object literal(String text) {
    String t = text.strip();
    String s = PythonNames.unquote(t);
    if (s != null && !t.matches("(?i)^[rb]*f.*")) {
      return s;
    }
    return switch (t) {
      case "True" -> Boolean.TRUE;
      case "False" -> Boolean.FALSE;
      case "None" -> NONE;
      default -> {
        if (t.matches("-?\\d+")) {
          yield Long.parseLong(t);
        }
        throw cannot();
      }
    };
  }

  private Object global(ModuleFacts m, String name, int depth) {
    switch (name) {
      case "list", "tuple" -> {
        return new Named(name, false);
      }
      default -> {}
    }
    SyntaxNode fn = m.builders().get(name);
    if (fn != null) {
      return new Fn(m, fn, null);
    }
    for (ModuleFacts.ClassDef c : m.classes()) {
      if (c.qualname().equals(name)) {
        return new Cls(m, c, m.module() + "." + name);
      }
    }
    ModuleFacts.Assignment last = null;
    for (ModuleFacts.Assignment a : m.assignments()) {
      if (a.target().equals(name)) {
        last = a;
      } else if (a.target().startsWith(name + "+")) {
        if (last != null) {
          throw cannot(); // grown or unpacked later: not one value
        }
      }
    }
    if (last != null && last.valueNode() != null) {
      return eval(new Frame(m, new HashMap<>(), depth + 1), last.valueNode());
    }
    if (m.functions().stream().anyMatch(x -> x.qualname().equals(name))) {
      return new Named(m.module() + "." + name, false);
    }
    String q = b.qualify(m.module(), name);
    if (q.equals(name)) {
      throw cannot();
    }
    ModuleFacts module = byModule.get(q);
    if (module != null) {
      return new Module(module);
    }
    Cls cls = classNamed(q);
    if (cls != null) {
      return cls;
    }
    int dot = q.lastIndexOf('.');
    ModuleFacts other = dot < 0 ? null : byModule.get(q.substring(0, dot));
    if (other != null && other != m) {
      return global(other, q.substring(dot + 1), depth + 1);
    }
    return new Named(q, false); // outside the repository: only ever a view
  }

  private Fn moduleFunction(String qualified) {
    int dot = qualified.lastIndexOf('.');
    ModuleFacts m = dot < 0 ? null : byModule.get(qualified.substring(0, dot));
    SyntaxNode def = m == null ? null : m.builders().get(qualified.substring(dot + 1));
    return def == null ? null : new Fn(m, def, null);
  }

  private Cls classNamed(String qualified) {
    String real = b.classOf(qualified).isPresent() ? canonicalClass(qualified) : null;
    if (real == null) {
      return null;
    }
    int dot = real.lastIndexOf('.');
    ModuleFacts home = byModule.get(real.substring(0, dot));
    String simple = real.substring(dot + 1);
    return home == null
        ? null
        : home.classes().stream()
            .filter(c -> c.qualname().equals(simple))
            .findFirst()
            .map(c -> new Cls(home, c, real))
            .orElse(null);
  }

  private String canonicalClass(String qualified) {
    int dot = qualified.lastIndexOf('.');
    ModuleFacts m = dot < 0 ? null : byModule.get(qualified.substring(0, dot));
    if (m != null
        && m.classes().stream().anyMatch(c -> c.qualname().equals(qualified.substring(dot + 1)))) {
      return qualified;
    }
    return b.canonical(qualified);
  }

  // -- strings -----------------------------------------------------------------------------

  /**
   * A literal, implicitly joined literals, f-strings whose fields are names or attribute chains.
   */
  private Object strings(Frame f, SyntaxNode e) {
    if (e.type().equals("concatenated_string") && !e.children().isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (SyntaxNode c : significant(e.children())) {
        sb.append(asString(strings(f, c)));
      }
      return sb.toString();
    }
    String text = e.text();
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i < text.length() && text.charAt(i) == '#') { // a comment between joined literals
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (i >= text.length()) {
        break;
      }
      int start = i;
      while (i < text.length() && Character.isLetter(text.charAt(i))) {
        i++;
      }
      String prefix = text.substring(start, i).toLowerCase(Locale.ROOT);
      if (i >= text.length() || prefix.contains("b") || prefix.length() > 2) {
        throw cannot();
      }
      char q = text.charAt(i);
      boolean triple = text.startsWith(String.valueOf(q).repeat(3), i);
      String close = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
      int bodyStart = i + close.length();
      int end = findClose(text, bodyStart, close, prefix.contains("r"));
      String body = text.substring(bodyStart, end);
      i = end + close.length();
      if (!prefix.contains("r") && body.indexOf('\\') >= 0) {
        throw cannot(); // escapes in a plain string: route patterns rarely have them
      }
      sb.append(prefix.contains("f") ? fString(f, body) : body);
    }
    return sb.toString();
  }

  private static int findClose(String text, int from, String close, boolean raw) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (text.startsWith(close, i)) {
        return i;
      }
      i++;
    }
    throw cannot();
  }

  private String fString(Frame f, String body) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '{' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
        sb.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < body.length() && body.charAt(i + 1) == '}') {
        sb.append('}');
        i += 2;
      } else if (c == '{') {
        int close = body.indexOf('}', i);
        if (close < 0) {
          throw cannot();
        }
        String field = body.substring(i + 1, close).strip();
        if (!field.matches("[A-Za-z_][A-Za-z_0-9]*(\\.[A-Za-z_][A-Za-z_0-9]*)*")) {
          throw cannot(); // conversions, format specs, calls: not evaluated
        }
        String[] parts = field.split("\\.");
        Object v =
            f.locals().containsKey(parts[0])
                ? f.locals().get(parts[0])
                : global(f.m(), parts[0], f.depth());
        for (int k = 1; k < parts.length; k++) {
          v = attribute(v, parts[k], f.depth());
        }
        sb.append(asString(v));
        i = close + 1;
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }

  private static String asString(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Long n) {
      return n.toString();
    }
    if (v instanceof Boolean bool) {
      return bool ? "True" : "False";
    }
    if (v == NONE) {
      return "None";
    }
    throw cannot();
  }

  // -- helpers -----------------------------------------------------------------------------

  private static boolean truthy(Object v) {
    if (v instanceof Boolean bool) {
      return bool;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Long n) {
      return n != 0;
    }
    if (v instanceof Seq s) {
      return !s.items().isEmpty();
    }
    if (v instanceof Dict d) {
      return !d.entries().isEmpty();
    }
    if (v == NONE) {
      return false;
    }
    if (v instanceof Cls || v instanceof Fn || v instanceof Built) {
      return true;
    }
    throw cannot();
  }

  private static Object compare(Object l, String op, Object r) {
    switch (op) {
      case "==" -> {
        return plain(l).equals(plain(r));
      }
      case "!=" -> {
        return !plain(l).equals(plain(r));
      }
      case "is" -> {
        return l == r || plain(l).equals(plain(r)) && (l instanceof Boolean || l == NONE);
      }
      case "is not" -> {
        return !(l == r || plain(l).equals(plain(r)) && (l instanceof Boolean || l == NONE));
      }
      case "in", "not in" -> {
        boolean in;
        if (r instanceof Seq s) {
          in = s.items().stream().anyMatch(x -> plain(x).equals(plain(l)));
        } else if (r instanceof Dict d) {
          in = d.entries().keySet().stream().anyMatch(x -> plain(x).equals(plain(l)));
        } else if (r instanceof String s && l instanceof String sub) {
          in = s.contains(sub);
        } else {
          throw cannot();
        }
        return op.equals("in") == in;
      }
      default -> throw cannot();
    }
  }

  /** A value that can be compared: strings, numbers, booleans and None only. */
  private static Object plain(Object v) {
    if (v instanceof String || v instanceof Long || v instanceof Boolean || v == NONE) {
      return v;
    }
    throw cannot();
  }

  private static List<Object> iterate(Object v) {
    if (v instanceof Seq s) {
      return s.items();
    }
    if (v instanceof Dict d) {
      return new ArrayList<>(d.entries().keySet());
    }
    throw cannot();
  }

  /** The operator written between two operands of {@code e} ("or", "==", "not in"). */
  private static String between(SyntaxNode e, SyntaxNode left, SyntaxNode right) {
    String all = e.text();
    String l = left.text();
    String r = right.text();
    if (!all.startsWith(l) || !all.endsWith(r) || l.length() + r.length() > all.length()) {
      throw cannot();
    }
    return all.substring(l.length(), all.length() - r.length()).strip();
  }

  private static boolean isOperatorToken(SyntaxNode n) {
    String t = n.type();
    return !t.isEmpty() && !Character.isLetter(t.charAt(0))
        || Set.of("in", "not", "is", "and", "or").contains(t);
  }

  /** Children that carry meaning: no punctuation, no comments. */
  private static List<SyntaxNode> significant(List<SyntaxNode> children) {
    return children.stream()
        .filter(
            c ->
                !c.type().equals("comment")
                    && !c.type().isEmpty()
                    && (Character.isLetter(c.type().charAt(0)) || c.type().equals("_")))
        .toList();
  }

  private static List<SyntaxNode> positional(SyntaxNode call) {
    return call.child("arguments")
        .map(
            a ->
                significant(a.children()).stream()
                    .filter(c -> !c.type().equals("keyword_argument"))
                    .toList())
        .orElse(List.of());
  }

  private static Optional<SyntaxNode> keyword(SyntaxNode call, String name) {
    return call.child("arguments")
        .flatMap(
            a ->
                a.children().stream()
                    .filter(
                        c ->
                            c.type().equals("keyword_argument")
                                && c.child("name").map(SyntaxNode::text).orElse("").equals(name))
                    .findFirst())
        .flatMap(k -> k.child("value"));
  }
}
