package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.SyntaxNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL routes of a project, read the way Django builds them but without running anything: from
 * the root URLconf's {@code urlpatterns}, through every {@code include()} of a module path, a
 * module object, a list or tuple held in a variable (in this module or imported from another), an
 * inline list or a {@code (patterns, app_name)} tuple; lists grown with {@code +=}, {@code
 * .append()} and {@code .extend()}, concatenated, star-unpacked or wrapped in {@code
 * i18n_patterns()} and {@code format_suffix_patterns()}; Django REST framework routers (subclasses
 * too) with the registrations made in any module, also through helper functions the router is
 * passed to, and their {@code @action} routes; views wrapped in decorators or calls ({@code
 * csrf_exempt(View.as_view())}, {@code cache_page(60)(view)}) and views held in variables; patterns
 * written as implicitly concatenated strings or built from module-level string constants; lists
 * returned by the project's own URL-building functions and class methods, evaluated by {@link
 * RouteBuilders}. What cannot be resolved statically is listed as a route of kind {@code
 * unresolved} at its file and line, never dropped.
 */
final class UrlPatterns {
  private static final Set<String> ROUTE_FUNCTIONS = Set.of("path", "re_path", "url");
  private static final Set<String> LIST_WRAPPERS =
      Set.of("i18n_patterns", "format_suffix_patterns", "patterns", "list", "tuple");
  private static final Pattern ACTION_DETAIL = Pattern.compile("detail\\s*=\\s*(True|False)");
  private static final Pattern ACTION_PATH =
      Pattern.compile("url_path\\s*=\\s*[rRbBuU]?['\"]([^'\"]*)['\"]");
  private static final int MAX_DEPTH = 40;

  /** One Python string literal with its prefix: triple-quoted or not, either quote. */
  private static final Pattern LITERAL =
      Pattern.compile(
          "[rRbBuUfF]{0,2}(\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*')");

  private final PythonNames b;
  private final Map<String, ModuleFacts> byModule;
  private final List<DjangoInventory.Route> out = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final RouteBuilders builders;

  UrlPatterns(PythonNames builder, Map<String, ModuleFacts> byModule) {
    this.b = builder;
    this.byModule = byModule;
    this.builders = new RouteBuilders(builder, byModule, (m, target) -> view(m, target, 0));
  }

  /** Every route reachable from {@code rootModule}'s urlpatterns. */
  List<DjangoInventory.Route> from(String rootModule) {
    module(rootModule, "", new LinkedHashSet<>());
    return out;
  }

  private void add(DjangoInventory.Route r) {
    if (seen.add(r.pattern() + "\u0000" + r.view() + "\u0000" + r.path() + ":" + r.line())) {
      out.add(r);
    }
  }

  /** The routes of a module's {@code urlpatterns} (following star imports of it). */
  private void module(String module, String prefix, Set<String> visiting) {
    ModuleFacts m = byModule.get(module);
    if (m == null || visiting.size() > MAX_DEPTH || !visiting.add(module)) {
      return;
    }
    if (!variable(m, "urlpatterns", prefix, visiting, 0)
        && !importedVariable(m, "urlpatterns", prefix, visiting)) {
      for (ModuleFacts.ImportRef ref : m.imports()) {
        if ("*".equals(ref.name())) {
          String target = b.resolveImport(module, ref);
          if (target != null) {
            module(target, prefix, visiting);
          }
        }
      }
    }
    visiting.remove(module);
  }

  /** "from ralph.urls.base import urlpatterns": the list of the module it comes from. */
  private boolean importedVariable(
      ModuleFacts m, String name, String prefix, Set<String> visiting) {
    String q = b.qualify(m.module(), name);
    int dot = q.lastIndexOf('.');
    ModuleFacts other = dot < 0 ? null : byModule.get(q.substring(0, dot));
    if (other == null || other == m || visiting.contains(other.module())) {
      return false;
    }
    visiting.add(other.module());
    try {
      return variable(other, q.substring(dot + 1), prefix, visiting, 1);
    } finally {
      visiting.remove(other.module());
    }
  }

  /**
   * Evaluates every value given to {@code name} at module level (assignments in every branch,
   * {@code +=}, {@code .extend()}, {@code .append()}), in order. Returns false when the module
   * never assigns it.
   */
  private boolean variable(
      ModuleFacts m, String name, String prefix, Set<String> visiting, int depth) {
    boolean any = false;
    for (ModuleFacts.Assignment a : m.assignments()) {
      String t = a.target();
      if (t.equals(name)
          || t.equals(name + "+")
          || t.startsWith(name + ",")
          || t.startsWith("(" + name + ",")) {
        any = true;
        if (a.valueNode() != null) {
          list(m, a.valueNode(), prefix, visiting, depth + 1);
        }
      } else if (t.equals(name + "+append")) {
        any = true;
        if (a.valueNode() != null) {
          entry(m, a.valueNode(), prefix, visiting, depth + 1);
        }
      }
    }
    return any;
  }

  /** An expression that stands for a list of url patterns. */
  private void list(ModuleFacts m, SyntaxNode e, String prefix, Set<String> visiting, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    switch (e.type()) {
      case "list", "tuple", "expression_list" -> {
        for (SyntaxNode c : e.children()) {
          if (!c.type().equals("comment")
              && !c.type().equals("(")
              && !c.type().equals(")")
              && !c.type().equals("[")
              && !c.type().equals("]")
              && !c.type().equals(",")) {
            entry(m, c, prefix, visiting, depth + 1);
          }
        }
      }
      case "parenthesized_expression" ->
          e.children().stream()
              .filter(c -> !c.type().equals("(") && !c.type().equals(")"))
              .forEach(c -> list(m, c, prefix, visiting, depth + 1));
      case "binary_operator" ->
          e.children().stream()
              .filter(c -> !c.type().equals("+"))
              .forEach(c -> list(m, c, prefix, visiting, depth + 1));
      case "list_splat", "dictionary_splat" ->
          e.children().stream()
              .filter(c -> !c.type().equals("*"))
              .forEach(c -> list(m, c, prefix, visiting, depth + 1));
      case "identifier" -> name(m, e.text(), prefix, visiting, depth, e);
      case "attribute" -> attribute(m, e, prefix, visiting, depth);
      case "call" -> listCall(m, e, prefix, visiting, depth);
      default -> unresolved(m, e, prefix, "not a list Django can read statically");
    }
  }

  /** A name standing for a list: a variable of this module, or one imported from another. */
  private void name(
      ModuleFacts m, String name, String prefix, Set<String> visiting, int depth, SyntaxNode at) {
    if (variable(m, name, prefix, visiting, depth)) {
      return;
    }
    String q = b.qualify(m.module(), name);
    if (byModule.containsKey(q)) { // a module object: from . import urls
      module(q, prefix, visiting);
      return;
    }
    int dot = q.lastIndexOf('.');
    ModuleFacts other = dot < 0 ? null : byModule.get(q.substring(0, dot));
    if (other != null
        && other != m
        && variable(other, q.substring(dot + 1), prefix, visiting, depth)) {
      return;
    }
    unresolved(m, at, prefix, "a name that is not a list of this repository");
  }

  private void attribute(
      ModuleFacts m, SyntaxNode e, String prefix, Set<String> visiting, int depth) {
    String text = e.text();
    if (text.endsWith(".urls")
        && router(m, text.substring(0, text.length() - ".urls".length()), prefix)) {
      return;
    }
    if (text.equals("admin.site.urls") || text.endsWith(".site.urls") || text.endsWith(".urls")) {
      String q = b.qualify(m.module(), text);
      if (byModule.containsKey(q)) {
        module(q, prefix, visiting);
      } else {
        add(new DjangoInventory.Route(prefix, q, null, m.path(), e.startLine(), "include"));
      }
      return;
    }
    String q = b.qualify(m.module(), text);
    if (byModule.containsKey(q)) {
      module(q, prefix, visiting);
      return;
    }
    int dot = q.lastIndexOf('.');
    ModuleFacts other = dot < 0 ? null : byModule.get(q.substring(0, dot));
    if (other != null && variable(other, q.substring(dot + 1), prefix, visiting, depth)) {
      return;
    }
    unresolved(m, e, prefix, "an attribute that is not a list of this repository");
  }

  private void listCall(
      ModuleFacts m, SyntaxNode call, String prefix, Set<String> visiting, int depth) {
    String fn = function(call);
    String simple = fn.substring(fn.lastIndexOf('.') + 1);
    if (LIST_WRAPPERS.contains(simple)) {
      for (SyntaxNode arg : positional(call)) {
        if (!arg.type()
            .equals("string")) { // patterns('prefix', ...) of Django 1.x starts with a string
          list(m, arg, prefix, visiting, depth + 1);
        }
      }
      return;
    }
    if (simple.equals("map") && mappedIncludes(m, call, prefix, visiting)) {
      return;
    }
    if (simple.equals("reduce") || simple.equals("sum")) { // reduce(add, groups), sum(groups, [])
      List<SyntaxNode> args = positional(call);
      SyntaxNode lists =
          simple.equals("reduce")
              ? (args.size() > 1 ? args.get(1) : null)
              : (args.isEmpty() ? null : args.get(0));
      if (lists != null) {
        list(m, lists, prefix, visiting, depth + 1);
        return;
      }
    }
    if (simple.equals("static")
        || simple.equals("staticfiles_urlpatterns")
        || simple.equals("debug_toolbar_urls")) {
      return; // development-only file serving and toolbars: not the application's routes
    }
    if (ROUTE_FUNCTIONS.contains(simple) || simple.equals("include")) {
      entry(m, call, prefix, visiting, depth);
      return;
    }
    var built = builders.routes(m, call);
    if (built.isPresent()) {
      for (RouteBuilders.Built r : built.get()) {
        String kind = r.classView() ? r.function() + ":class" : r.function();
        add(
            new DjangoInventory.Route(
                prefix + routeText(r.pattern(), r.function()),
                r.view(),
                r.name(),
                m.path(),
                call.startLine(),
                kind));
      }
      return;
    }
    unresolved(m, call, prefix, "a list returned by " + fn + "()");
  }

  /**
   * {@code map(lambda u: url(r'^', include(u)), ['a.api', 'b.api'])}: one include per listed
   * module, under the lambda's pattern. False when the call is not of that shape.
   */
  private boolean mappedIncludes(
      ModuleFacts m, SyntaxNode call, String prefix, Set<String> visiting) {
    List<SyntaxNode> args = positional(call);
    if (args.size() != 2 || !args.get(0).type().equals("lambda")) {
      return false;
    }
    SyntaxNode body = args.get(0).child("body").orElse(null);
    if (body == null
        || !body.type().equals("call")
        || !ROUTE_FUNCTIONS.contains(simpleName(function(body)))) {
      return false;
    }
    List<SyntaxNode> routeArgs = positional(body);
    if (routeArgs.size() < 2
        || !routeArgs.get(1).type().equals("call")
        || !function(routeArgs.get(1)).endsWith("include")) {
      return false;
    }
    String pattern = prefix + routeText(string(m, routeArgs.get(0)), simpleName(function(body)));
    List<String> modules = new ArrayList<>();
    for (SyntaxNode c : args.get(1).children()) {
      String v = c.type().equals("string") ? PythonNames.unquote(c.text()) : null;
      if (v != null) {
        modules.add(v);
      }
    }
    for (String module : modules) {
      if (byModule.containsKey(module)) {
        module(module, pattern, visiting);
      } else {
        add(
            new DjangoInventory.Route(
                pattern, module, null, m.path(), call.startLine(), "include"));
      }
    }
    return true;
  }

  private static String simpleName(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }

  /** One element of a url list: a path()/re_path()/url() call, or a list nested in it. */
  private void entry(ModuleFacts m, SyntaxNode e, String prefix, Set<String> visiting, int depth) {
    if (!e.type().equals("call")) {
      list(m, e, prefix, visiting, depth + 1);
      return;
    }
    String fn = function(e);
    String simple = fn.substring(fn.lastIndexOf('.') + 1);
    if (!ROUTE_FUNCTIONS.contains(simple)) {
      list(m, e, prefix, visiting, depth + 1);
      return;
    }
    List<SyntaxNode> args = positional(e);
    Optional<SyntaxNode> viewKw = keyword(e, "view");
    Optional<SyntaxNode> routeKw = keyword(e, "route").or(() -> keyword(e, "regex"));
    SyntaxNode patternNode = routeKw.orElse(args.isEmpty() ? null : args.get(0));
    SyntaxNode target =
        viewKw.orElse(
            args.size() >= (routeKw.isPresent() ? 1 : 2)
                ? args.get(routeKw.isPresent() ? 0 : 1)
                : null);
    if (patternNode == null || target == null) {
      return;
    }
    String pattern = prefix + routeText(string(m, patternNode), simple);
    String name = keyword(e, "name").map(v -> PythonNames.unquote(v.text())).orElse(null);
    if (target.type().equals("call") && function(target).endsWith("include")) {
      include(m, target, pattern, visiting, depth, e);
      return;
    }
    if (target.type().equals("attribute")
        && target.text().endsWith(".urls")) { // admin.site.urls, router.urls
      attribute(m, target, pattern, visiting, depth);
      return;
    }
    if (target.type().equals("list")
        || target.type().equals("tuple")) { // path("x/", ([...], "ns"))
      list(
          m,
          target.type().equals("tuple") ? firstElement(target) : target,
          pattern,
          visiting,
          depth + 1);
      return;
    }
    String view = view(m, target, 0);
    String kind = target.text().contains(".as_view(") ? simple + ":class" : simple;
    add(new DjangoInventory.Route(pattern, view, name, m.path(), e.startLine(), kind));
  }

  private void include(
      ModuleFacts m,
      SyntaxNode include,
      String pattern,
      Set<String> visiting,
      int depth,
      SyntaxNode at) {
    SyntaxNode arg =
        positional(include).stream().findFirst().orElse(keyword(include, "arg").orElse(null));
    if (arg == null) {
      return;
    }
    if (arg.type().equals("tuple") || arg.type().equals("parenthesized_expression")) {
      SyntaxNode first = firstElement(arg);
      if (first != null) {
        arg = first; // include((patterns, "app_name"), namespace=...)
      }
    }
    if (arg.type().equals("string")) {
      String module = PythonNames.unquote(arg.text());
      if (byModule.containsKey(module)) {
        module(module, pattern, visiting);
      } else {
        add(new DjangoInventory.Route(pattern, module, null, m.path(), at.startLine(), "include"));
      }
      return;
    }
    if (arg.type().equals("identifier") || arg.type().equals("attribute")) {
      String text = arg.text();
      if (text.endsWith(".urls")
          && router(m, text.substring(0, text.length() - ".urls".length()), pattern)) {
        return;
      }
      String q = b.qualify(m.module(), text);
      if (byModule.containsKey(q)) {
        module(q, pattern, visiting);
        return;
      }
      if (arg.type().equals("identifier")) {
        name(m, text, pattern, visiting, depth + 1, arg);
      } else {
        int dot = q.lastIndexOf('.');
        ModuleFacts other = dot < 0 ? null : byModule.get(q.substring(0, dot));
        if (other == null || !variable(other, q.substring(dot + 1), pattern, visiting, depth + 1)) {
          add(new DjangoInventory.Route(pattern, q, null, m.path(), at.startLine(), "include"));
        }
      }
      return;
    }
    list(m, arg, pattern, visiting, depth + 1);
  }

  /** The view a route's target names, unwrapped from as_view(), decorators and wrapping calls. */
  private String view(ModuleFacts m, SyntaxNode target, int depth) {
    if (depth > 10) {
      return target.text();
    }
    switch (target.type()) {
      case "call" -> {
        SyntaxNode fn = target.child("function").orElse(null);
        if (fn == null) {
          return target.text();
        }
        if (fn.type().equals("attribute") && fn.text().endsWith(".as_view")) {
          return view(m, fn.child("object").orElse(fn), depth + 1);
        }
        if (fn.type().equals("call")) { // cache_page(60)(view)
          List<SyntaxNode> args = positional(target);
          return args.isEmpty() ? view(m, fn, depth + 1) : view(m, args.get(0), depth + 1);
        }
        String called = b.qualify(m.module(), fn.text());
        if (b.classOf(called).isPresent()) {
          return called; // an instance of an in-repo class is the view: FormPreview(Form)
        }
        List<SyntaxNode> args = positional(target);
        if (!args.isEmpty()
            && !args.get(0).type().equals("string")
            && !args.get(0).type().equals("integer")) {
          return view(
              m, args.get(0), depth + 1); // login_required(view), csrf_exempt(View.as_view())
        }
        return called; // a view factory: redirect_view("name"), error_view(400)
      }
      case "identifier" -> {
        for (ModuleFacts.Assignment a : m.assignments()) {
          if (a.target().equals(target.text())
              && a.valueNode() != null
              && a.valueNode().type().equals("call")) {
            return view(
                m, a.valueNode(), depth + 1); // project_badge = never_cache(BadgeView.as_view())
          }
        }
        return b.qualify(m.module(), target.text());
      }
      case "lambda" -> {
        return m.module() + ".<lambda>";
      }
      case "string" -> { // Django 1.x: url(r'^x/$', 'app.views.func')
        String dotted = PythonNames.unquote(target.text());
        return dotted == null ? target.text() : dotted;
      }
      default -> {
        String q = b.qualify(m.module(), target.text());
        int dot = q.lastIndexOf('.');
        ModuleFacts other = dot < 0 ? null : byModule.get(q.substring(0, dot));
        if (other != null && other != m) {
          String var = q.substring(dot + 1);
          for (ModuleFacts.Assignment a : other.assignments()) {
            if (a.target().equals(var)
                && a.valueNode() != null
                && a.valueNode().type().equals("call")) {
              return view(
                  other,
                  a.valueNode(),
                  depth + 1); // public.project_badge = never_cache(View.as_view())
            }
          }
        }
        return q;
      }
    }
  }

  // -- routers ----------------------------------------------------------------------------

  /**
   * Routes of a Django REST framework router: for each registration a list route and a detail route
   * ({@code <pk>}), and one route per {@code @action} method of the viewset (its own or inherited
   * from a class of this repository). Registrations are collected in the module that makes the
   * router, in every module that imports it, and in functions it is passed to. False when {@code
   * expr} is not a router.
   */
  private boolean router(ModuleFacts m, String expr, String prefix) {
    String q = canonical(b.qualify(m.module(), expr));
    int dot = q.lastIndexOf('.');
    ModuleFacts where = dot < 0 ? m : byModule.get(q.substring(0, dot));
    String var = dot < 0 ? q : q.substring(dot + 1);
    if (where == null) {
      return false;
    }
    final ModuleFacts home = where;
    final String name = var;
    Optional<ModuleFacts.Assignment> made =
        home.assignments().stream()
            .filter(
                a ->
                    a.target().equals(name)
                        && a.valueNode() != null
                        && a.valueNode().type().equals("call")
                        && isRouter(home, function(a.valueNode())))
            .findFirst();
    if (made.isEmpty()) {
      return false;
    }
    String routerName = home.module() + "." + name;
    for (ModuleFacts other : byModule.values()) {
      for (String local : localNamesFor(other, home, name, routerName)) {
        // drf-extensions nests: projects = router.register(...); projects.register(...,
        // parents_query_lookups=[...])
        Map<String, String> nested = new HashMap<>();
        for (ModuleFacts.CallRef c : other.calls()) {
          String base = null;
          if (c.callee().equals(local + ".register")) {
            base = register(other, c, prefix);
          } else if (c.callee().endsWith(".register")
              && nested.containsKey(c.callee().substring(0, c.callee().length() - 9))) {
            String parent = nested.get(c.callee().substring(0, c.callee().length() - 9));
            base = register(other, c, parent + "<parent_lookup_" + lastLookup(c) + ">/");
          } else if (c.args().contains(local) && !c.callee().endsWith(".register")) {
            helperRegistrations(other, c.callee(), prefix);
          }
          if (base != null) {
            for (ModuleFacts.Assignment a : other.assignments()) {
              if (a.line() == c.line()
                  && a.valueNode() != null
                  && a.valueNode().type().equals("call")) {
                nested.put(a.target(), base);
              }
            }
          }
        }
      }
    }
    return true;
  }

  private static String lastLookup(ModuleFacts.CallRef c) {
    String lookups = c.kwargs().getOrDefault("parents_query_lookups", "");
    Matcher m = Pattern.compile("['\"]([^'\"]+)['\"]").matcher(lookups);
    String last = "pk";
    while (m.find()) {
      last = m.group(1);
    }
    return last;
  }

  /**
   * A name followed through re-exports (ralph/api/__init__.py imports the router from
   * ralph.api.routers).
   */
  private String canonical(String qualified) {
    return b.canonical(qualified);
  }

  /** The names under which a module sees the router (its own variable, or what it imported). */
  private List<String> localNamesFor(
      ModuleFacts other, ModuleFacts where, String var, String routerName) {
    List<String> out = new ArrayList<>();
    if (other == where) {
      out.add(var);
    }
    for (ModuleFacts.ImportRef ref : other.imports()) {
      if (ref.name() != null
          && canonical(b.qualify(other.module(), ref.boundName())).equals(routerName)) {
        out.add(ref.boundName());
      }
    }
    return out;
  }

  /** A function the router is handed to (add_findings_urls(router)): its register calls count. */
  private void helperRegistrations(ModuleFacts caller, String callee, String prefix) {
    String q = b.qualify(caller.module(), callee);
    int dot = q.lastIndexOf('.');
    ModuleFacts where = dot < 0 ? null : byModule.get(q.substring(0, dot));
    String fname = dot < 0 ? q : q.substring(dot + 1);
    if (where == null) {
      return;
    }
    Optional<ModuleFacts.FunctionDef> fn =
        where.functions().stream()
            .filter(f -> f.className() == null && f.name().equals(fname) && !f.params().isEmpty())
            .findFirst();
    if (fn.isEmpty()) {
      return;
    }
    String param = fn.get().params().get(0);
    for (ModuleFacts.CallRef c : where.calls()) {
      if (fname.equals(c.enclosingFunction()) && c.callee().equals(param + ".register")) {
        register(where, c, prefix);
      }
    }
  }

  private boolean isRouter(ModuleFacts m, String callee) {
    if (callee.endsWith("Router")) {
      return true;
    }
    String q = b.qualify(m.module(), callee);
    return b.classBasesReach(q, base -> base.endsWith("Router"));
  }

  /**
   * Adds a registration's routes; returns its base pattern ("api/v3/projects/"), or null when
   * unreadable.
   */
  private String register(ModuleFacts m, ModuleFacts.CallRef c, String prefix) {
    String registered = c.args().isEmpty() ? c.kwargs().get("prefix") : c.args().get(0);
    String viewset = c.args().size() >= 2 ? c.args().get(1) : c.kwargs().get("viewset");
    if (registered == null || viewset == null) {
      return null;
    }
    String p = constantString(m, registered);
    if (p == null) {
      p = registered;
    }
    p = p.startsWith("^") ? p.substring(1) : p;
    p = p.endsWith("$") ? p.substring(0, p.length() - 1) : p;
    String basename =
        Optional.ofNullable(c.kwargs().getOrDefault("basename", c.kwargs().get("base_name")))
            .map(PythonNames::unquote)
            .orElse(p.replaceAll("[^\\w]+", "-"));
    String view = b.qualify(m.module(), viewset);
    String base = prefix + (p.isEmpty() ? "" : p + "/");
    add(
        new DjangoInventory.Route(
            base, view, basename + "-list", m.path(), c.line(), "drf-router"));
    add(
        new DjangoInventory.Route(
            base + "<pk>/", view, basename + "-detail", m.path(), c.line(), "drf-router"));
    for (ModuleFacts.FunctionDef action : b.actionsOf(view)) {
      String decorator =
          action.decorators().stream()
              .filter(d -> d.startsWith("action(") || d.contains(".action("))
              .findFirst()
              .orElse("");
      Matcher detail = ACTION_DETAIL.matcher(decorator);
      Matcher path = ACTION_PATH.matcher(decorator);
      String segment = path.find() ? path.group(1) : action.name();
      boolean onDetail = detail.find() && detail.group(1).equals("True");
      add(
          new DjangoInventory.Route(
              base + (onDetail ? "<pk>/" : "") + segment + "/",
              view + "." + action.name(),
              basename + "-" + action.name().replace('_', '-'),
              m.path(),
              c.line(),
              "drf-action"));
    }
    return base;
  }

  // -- strings ----------------------------------------------------------------------------

  /** A pattern's text: literals, implicit and + concatenation, module-level string constants. */
  private String string(ModuleFacts m, SyntaxNode e) {
    switch (e.type()) {
      case "string" -> {
        String s = PythonNames.unquote(e.text());
        return s == null ? fStringText(e.text()) : s;
      }
      case "concatenated_string" -> {
        StringBuilder sb = new StringBuilder();
        if (e.children().isEmpty()) { // the parser keeps implicitly joined literals as one leaf
          Matcher lit = LITERAL.matcher(e.text());
          while (lit.find()) {
            String v = PythonNames.unquote(lit.group());
            sb.append(v == null ? fStringText(lit.group()) : v);
          }
        } else {
          e.children().forEach(c -> sb.append(string(m, c)));
        }
        return sb.toString();
      }
      case "binary_operator" -> {
        StringBuilder sb = new StringBuilder();
        e.children().stream()
            .filter(c -> !c.type().equals("+"))
            .forEach(c -> sb.append(string(m, c)));
        return sb.toString();
      }
      case "parenthesized_expression" -> {
        StringBuilder sb = new StringBuilder();
        e.children().stream()
            .filter(c -> !c.type().equals("(") && !c.type().equals(")"))
            .forEach(c -> sb.append(string(m, c)));
        return sb.toString();
      }
      case "identifier" -> {
        String v = constantString(m, e.text());
        return v == null ? "{" + e.text() + "}" : v;
      }
      case "call" -> {
        // "...".format(**opts): named placeholders kept as written; positional ones get the
        // argument's
        // constant value, or nothing when it is computed at run time (a prefix setting, empty by
        // default)
        SyntaxNode fn = e.child("function").orElse(null);
        if (fn != null && fn.type().equals("attribute") && fn.text().endsWith(".format")) {
          String template = fn.child("object").map(o -> string(m, o)).orElse(e.text());
          StringBuilder sb = new StringBuilder();
          List<SyntaxNode> args = positional(e);
          int next = 0;
          int at = 0;
          for (int i = template.indexOf("{}"); i >= 0; i = template.indexOf("{}", at)) {
            sb.append(template, at, i);
            SyntaxNode arg = next < args.size() ? args.get(next++) : null;
            String v =
                arg == null
                    ? null
                    : arg.type().equals("string")
                        ? PythonNames.unquote(arg.text())
                        : arg.type().equals("identifier") ? constantString(m, arg.text()) : null;
            sb.append(v == null ? "" : v);
            at = i + 2;
          }
          return sb.append(template.substring(at)).toString();
        }
        return e.text();
      }
      default -> {
        return e.text();
      }
    }
  }

  /** f"{PREFIX}api/" and the like, placeholders kept as {name}. */
  private static String fStringText(String literal) {
    String t = literal.replaceFirst("^[rRfFbBuU]+", "");
    if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'')) {
      int q = t.startsWith("\"\"\"") || t.startsWith("'''") ? 3 : 1;
      return t.length() >= 2 * q ? t.substring(q, t.length() - q) : t;
    }
    return literal;
  }

  /** A module-level string constant (here or imported), or null. */
  private String constantString(ModuleFacts m, String name) {
    String direct = PythonNames.unquote(name);
    if (direct != null) {
      return direct;
    }
    for (ModuleFacts.Assignment a : m.assignments()) {
      if (a.target().equals(name)
          && a.valueNode() != null
          && a.valueNode().type().equals("string")) {
        return PythonNames.unquote(a.value());
      }
    }
    String q = b.qualify(m.module(), name);
    int dot = q.lastIndexOf('.');
    ModuleFacts other = dot < 0 ? null : byModule.get(q.substring(0, dot));
    if (other != null && other != m) {
      String v = q.substring(dot + 1);
      for (ModuleFacts.Assignment a : other.assignments()) {
        if (a.target().equals(v)
            && a.valueNode() != null
            && a.valueNode().type().equals("string")) {
          return PythonNames.unquote(a.value());
        }
      }
    }
    return null;
  }

  /** re_path/url patterns lose their anchors when joined: "^invoices/$" reads "invoices/". */
  static String routeText(String raw, String function) {
    if (raw == null) {
      return "";
    }
    if (function.equals("path")) {
      return raw;
    }
    String r = raw.startsWith("^") ? raw.substring(1) : raw;
    r = r.endsWith("\\Z") ? r.substring(0, r.length() - 2) : r;
    return r.endsWith("$") ? r.substring(0, r.length() - 1) : r;
  }

  // -- syntax helpers ----------------------------------------------------------------------

  private void unresolved(ModuleFacts m, SyntaxNode e, String prefix, String why) {
    String text = e.text().length() > 120 ? e.text().substring(0, 117) + "..." : e.text();
    add(
        new DjangoInventory.Route(
            prefix, text.replaceAll("\\s+", " "), why, m.path(), e.startLine(), "unresolved"));
  }

  private static String function(SyntaxNode call) {
    return call.child("function").map(SyntaxNode::text).orElse("");
  }

  private static List<SyntaxNode> positional(SyntaxNode call) {
    return call.child("arguments")
        .map(
            a ->
                a.children().stream()
                    .filter(
                        c ->
                            !c.type().equals("keyword_argument")
                                && !c.type().equals("comment")
                                && !c.type().equals("(")
                                && !c.type().equals(")")
                                && !c.type().equals(","))
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

  private static SyntaxNode firstElement(SyntaxNode tupleOrParens) {
    return tupleOrParens.children().stream()
        .filter(
            c ->
                !c.type().equals("(")
                    && !c.type().equals(")")
                    && !c.type().equals(",")
                    && !c.type().equals("comment"))
        .findFirst()
        .orElse(null);
  }
}
