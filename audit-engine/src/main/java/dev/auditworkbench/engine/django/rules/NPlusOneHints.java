package dev.auditworkbench.engine.django.rules;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.RepoFile;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.spi.RawFinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * N+1 query hints read from the code: a loop (in a template, a view, a task, or a comprehension
 * feeding a hand-written serializer) that reaches through a relation of each item, when the
 * queryset has no select_related/prefetch_related for it. Forward relations (foreign keys) need
 * select_related, reverse ones (related_name, *_set) prefetch_related. Confidence is medium: the
 * runtime traces confirm them (a trace's repeated query is the proof). Known limits: relations
 * reached through methods (invoice.as_row()) are not followed; querysets built in another function
 * are judged by the text of the function that loops. Shared by the three rules that report them
 * (NPlusOneLoopRule, NPlusOneSerializerRule, NPlusOneTemplateRule), one rule id each.
 */
final class NPlusOneHints {
  private static final Pattern FOR_TAG =
      Pattern.compile("\\{%\\s*for\\s+(\\w+)\\s+in\\s+([\\w.]+)[^%]*%\\}");
  private static final Pattern END_FOR = Pattern.compile("\\{%\\s*endfor\\s*%\\}");

  /**
   * Methods of a related manager that write: a loop calling them is not reading through the
   * relation.
   */
  private static final Set<String> WRITES =
      Set.of(
          "add",
          "remove",
          "clear",
          "set",
          "create",
          "get_or_create",
          "update_or_create",
          "delete",
          "update",
          "bulk_create");

  /** The relation names of the project's models. */
  private record Relations(Set<String> forward, Set<String> reverse) {
    static Relations of(DjangoInventory inv) {
      Set<String> forward = new HashSet<>();
      Set<String> reverse = new HashSet<>();
      for (DjangoInventory.Model m : inv.models()) {
        String model =
            m.qualname().substring(m.qualname().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (DjangoInventory.Field f : m.fields()) {
          if (!f.isRelation() || f.inherited()) {
            continue;
          }
          forward.add(f.name());
          String related = f.options().get("related_name");
          reverse.add(related != null ? related.replaceAll("['\"]", "") : model + "_set");
        }
      }
      return new Relations(forward, reverse);
    }

    /**
     * "select:customer" or "prefetch:lines" for a chain "x.customer.name" or "x.lines.all", or
     * null.
     */
    String need(String chain) {
      String[] parts = chain.split("\\.");
      if (parts.length < 3 || Arrays.stream(parts, 2, parts.length).anyMatch(WRITES::contains)) {
        return null; // finding.notes.add(note), team.members.all().delete(): writes per item, which
        // no prefetch saves
      }
      if (forward.contains(parts[1])) {
        return "select:" + parts[1];
      }
      return reverse.contains(parts[1]) ? "prefetch:" + parts[1] : null;
    }
  }

  /**
   * Calls and functions looked up by the rule, indexed once per check: render calls by template
   * name (with their module), module-level functions by name. Scanning every module per template
   * and per loop made the rule quadratic in the size of the repository.
   */
  private record Index(
      Map<String, List<ModuleFacts.CallRef>> rendersByTemplate,
      Map<ModuleFacts.CallRef, ModuleFacts> moduleOfRender,
      Map<String, List<Map.Entry<ModuleFacts, ModuleFacts.FunctionDef>>> functions,
      Map<String, List<String>> linesByPath) {
    static Index of(RepoAnalysis a) {
      Map<String, List<ModuleFacts.CallRef>> renders = new HashMap<>();
      Map<ModuleFacts.CallRef, ModuleFacts> modules = new IdentityHashMap<>();
      Map<String, List<Map.Entry<ModuleFacts, ModuleFacts.FunctionDef>>> functions =
          new HashMap<>();
      for (ModuleFacts m : a.modules()) {
        for (ModuleFacts.CallRef c : m.calls()) {
          boolean render =
              c.callee().equals("render")
                  || c.callee().endsWith(".render")
                  || c.callee().endsWith("TemplateResponse");
          if (render && c.enclosingFunction() != null && c.args().size() >= 2) {
            renders
                .computeIfAbsent(c.args().get(1).replaceAll("['\"]", ""), k -> new ArrayList<>())
                .add(c);
            modules.put(c, m);
          }
        }
        for (ModuleFacts.FunctionDef f : m.functions()) {
          if (f.className() == null && !f.params().isEmpty()) {
            functions.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(Map.entry(m, f));
          }
        }
      }
      return new Index(renders, modules, functions, new ConcurrentHashMap<>());
    }
  }

  /** The hints of one kind: "nplusone.loop", "nplusone.serializer" or "nplusone.template". */
  static void check(RepoAnalysis a, String ruleId, Consumer<RawFinding> out) {
    Relations relations = Relations.of(a.inventory());
    Index index = Index.of(a);
    Consumer<RawFinding> only =
        f -> {
          if (f.ruleKey().equals(ruleId)) {
            out.accept(f);
          }
        };
    if (ruleId.equals("nplusone.template")) {
      templates(a, index, relations, only);
    } else {
      loops(a, index, relations, ruleId.equals("nplusone.serializer"), only);
    }
  }

  // -- view, task and serializer loops ---------------------------------------------------

  /**
   * Loops that read relations directly ({@code serializers} false) or through a serializer (true).
   */
  private static void loops(
      RepoAnalysis a,
      Index index,
      Relations relations,
      boolean serializers,
      Consumer<RawFinding> out) {
    for (ModuleFacts m : a.modules()) {
      for (ModuleFacts.Loop loop : m.loops()) {
        Set<String> needs = new LinkedHashSet<>();
        List<String> through = new ArrayList<>();
        for (String chain : loop.chains()) {
          if (chain.startsWith("call:")) {
            serializerNeeds(index, chain.substring(5), relations)
                .forEach(
                    n -> {
                      needs.add(n);
                      through.add(chain.substring(5) + " reads " + n.substring(n.indexOf(':') + 1));
                    });
            continue;
          }
          String need = relations.need(chain);
          if (need != null) {
            needs.add(need);
            through.add(chain);
          }
        }
        if (needs.isEmpty() || !isQuerysetLoop(loop.iterable())) {
          continue;
        }
        boolean serializer = through.stream().anyMatch(t -> t.contains(" reads "));
        if (serializer != serializers) {
          continue; // the other rule's kind: its text is not read twice
        }
        String text = queryText(a, index, m, loop.function()) + " " + loop.iterable();
        List<String> missing = needs.stream().filter(n -> !covered(text, n)).toList();
        if (missing.isEmpty()) {
          continue;
        }
        out.accept(
            finding(
                serializer ? "nplusone.serializer" : "nplusone.loop",
                m.path(),
                loop.line(),
                m.module() + "." + loop.function(),
                (serializer ? "Serializer in a loop" : "Loop")
                    + " reaches through relations per item in "
                    + m.module()
                    + "."
                    + loop.function(),
                "For each item of "
                    + loop.iterable().replaceAll("\\s+", " ")
                    + " the code reads "
                    + String.join(", ", through)
                    + ", one query each. "
                    + advice(missing),
                through));
      }
    }
  }

  /** The relations a serializer function reads from its first parameter. */
  private static List<String> serializerNeeds(Index index, String callee, Relations relations) {
    String simple = callee.substring(callee.lastIndexOf('.') + 1);
    List<String> out = new ArrayList<>();
    for (Map.Entry<ModuleFacts, ModuleFacts.FunctionDef> e :
        index.functions().getOrDefault(simple, List.of())) {
      ModuleFacts m = e.getKey();
      ModuleFacts.FunctionDef f = e.getValue();
      String param = f.params().get(0);
      for (ModuleFacts.CallRef c : m.calls()) {
        if (!f.name().equals(c.enclosingFunction())) {
          continue;
        }
        List<String> texts = new ArrayList<>(c.args());
        texts.add(c.callee());
        for (String t : texts) {
          String chain = t.replaceAll("\\s+", "");
          String need =
              chain.startsWith(param + ".")
                  ? relations.need(chain + (chain.split("\\.").length == 2 ? ".x" : ""))
                  : null;
          if (need != null && !out.contains(need)) {
            out.add(need);
          }
        }
      }
    }
    return out;
  }

  private static boolean isQuerysetLoop(String iterable) {
    String i = iterable.replaceAll("\\s+", "");
    // a queryset built here, or a variable/slice holding one; not a relation of a single object
    return i.contains(".objects")
        || i.contains(".all_tenants")
        || i.matches("[a-z_]\\w*(\\[.*\\])?")
        || i.contains(".filter(")
        || i.contains(".exclude(")
        || i.contains(".order_by(");
  }

  /**
   * Whether the code loads a relation up front: select_related or prefetch_related (a forward
   * relation may be prefetched too), or a Prefetch("name", ...) object, naming it or a path through
   * it ("engagement__product"); select_related() without arguments follows every foreign key.
   */
  static boolean covered(String text, String need) {
    String name = need.substring(need.indexOf(':') + 1);
    boolean forward = need.startsWith("select:");
    Pattern mention = Pattern.compile("['\"]" + Pattern.quote(name) + "(__\\w+)?['\"]");
    for (String call :
        forward
            ? List.of("select_related(", "prefetch_related(", "Prefetch(")
            : List.of("prefetch_related(", "Prefetch(")) {
      for (int at = text.indexOf(call); at >= 0; at = text.indexOf(call, at + 1)) {
        String args = arguments(text, at + call.length());
        if (forward && call.equals("select_related(") && args.isBlank()
            || mention.matcher(args).find()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The text up to the parenthesis that closes the one just opened at {@code from}. */
  private static String arguments(String text, int from) {
    int depth = 1;
    for (int i = from; i < text.length() && i < from + 2000; i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return text.substring(from, i);
      }
    }
    return text.substring(from, Math.min(text.length(), from + 2000));
  }

  /** "Add .select_related("customer") and .prefetch_related("lines") to the queryset." */
  static String advice(List<String> missing) {
    List<String> select =
        missing.stream()
            .filter(n -> n.startsWith("select:"))
            .map(n -> "\"" + n.substring(7) + "\"")
            .toList();
    List<String> prefetch =
        missing.stream()
            .filter(n -> n.startsWith("prefetch:"))
            .map(n -> "\"" + n.substring(9) + "\"")
            .toList();
    StringBuilder sb = new StringBuilder("Add ");
    if (!select.isEmpty()) {
      sb.append(".select_related(").append(String.join(", ", select)).append(")");
    }
    if (!prefetch.isEmpty()) {
      sb.append(select.isEmpty() ? "" : " and ")
          .append(".prefetch_related(")
          .append(String.join(", ", prefetch))
          .append(")");
    }
    return sb.append(" to the queryset.").toString();
  }

  /**
   * Where the queryset a loop walks may have got its select_related/prefetch_related: the function
   * that loops, the other methods of its class (get_queryset, a cached property), and the project's
   * own functions it calls (prefetch_for_findings(findings)), one level deep.
   */
  private static String queryText(RepoAnalysis a, Index index, ModuleFacts m, String function) {
    StringBuilder text = new StringBuilder(functionText(a, index, m, function));
    int dot = function.indexOf('.');
    if (dot > 0) {
      String cls = function.substring(0, dot);
      for (ModuleFacts.FunctionDef f : m.functions()) {
        if (cls.equals(f.className()) && !f.qualname().equals(function)) {
          text.append('\n').append(functionText(a, index, m, f.qualname()));
        }
      }
    }
    Matcher call = Pattern.compile("\\b([a-z_]\\w*)\\(").matcher(text.toString());
    Set<String> seen = new HashSet<>();
    StringBuilder called = new StringBuilder();
    while (call.find()) {
      String name = call.group(1);
      if (!seen.add(name) || seen.size() > 40) {
        continue;
      }
      for (Map.Entry<ModuleFacts, ModuleFacts.FunctionDef> e :
          index.functions().getOrDefault(name, List.of())) {
        called.append('\n').append(functionText(a, index, e.getKey(), e.getValue().qualname()));
      }
    }
    return text.append(called).toString();
  }

  /**
   * A function's source; each file is read once per check (views are read again for every loop and
   * template).
   */
  private static String functionText(RepoAnalysis a, Index index, ModuleFacts m, String function) {
    return m.functions().stream()
        .filter(f -> f.qualname().equals(function))
        .findFirst()
        .map(
            f -> {
              List<String> lines =
                  index
                      .linesByPath()
                      .computeIfAbsent(
                          m.path(),
                          path -> {
                            try {
                              return Files.readAllLines(
                                  a.repo().resolve(path), StandardCharsets.UTF_8);
                            } catch (IOException | RuntimeException e) {
                              return List.of();
                            }
                          });
              return String.join(
                  "\n",
                  lines.subList(
                      Math.min(lines.size(), Math.max(0, f.line() - 1)),
                      Math.min(lines.size(), f.endLine())));
            })
        .orElse("");
  }

  // -- templates ------------------------------------------------------------------------

  private static void templates(
      RepoAnalysis a, Index index, Relations relations, Consumer<RawFinding> out) {
    for (RepoFile f : a.files()) {
      if (!f.path().endsWith(".html")
          || !(f.path().startsWith("templates/") || f.path().contains("/templates/"))) {
        continue;
      }
      String name = f.path().substring(f.path().indexOf("templates/") + "templates/".length());
      List<ModuleFacts.CallRef> renders = index.rendersByTemplate().getOrDefault(name, List.of());
      if (renders.isEmpty()) {
        continue;
      }
      List<String> lines;
      try {
        lines = Files.readAllLines(a.repo().resolve(f.path()), StandardCharsets.UTF_8);
      } catch (IOException | UncheckedIOException e) {
        continue;
      }
      for (TemplateLoop loop : loopsIn(lines)) {
        if (loop.iterable().contains(".")) {
          continue; // iterating a relation of one object: one query
        }
        Set<String> needs = new LinkedHashSet<>();
        List<String> through = new ArrayList<>();
        for (String[] use : loop.uses()) {
          String need = relations.need(use[0]);
          if (need != null) {
            needs.add(need);
            through.add(use[0] + " (line " + use[1] + ")");
          }
        }
        Set<String> views = new HashSet<>();
        for (ModuleFacts.CallRef render : renders) {
          ModuleFacts m = index.moduleOfRender().get(render);
          if (!views.add(m.module() + "." + render.enclosingFunction())) {
            continue; // one finding per loop and view, however often the view renders the template
          }
          String text = queryText(a, index, m, render.enclosingFunction());
          if (!passes(text, loop.iterable())) {
            continue; // this view never gives the template what the loop walks: the loop does not
            // run for it
          }
          List<String> missing = needs.stream().filter(n -> !covered(text, n)).toList();
          if (missing.isEmpty()) {
            continue;
          }
          out.accept(
              finding(
                  "nplusone.template",
                  f.path(),
                  loop.line(),
                  m.module() + "." + render.enclosingFunction(),
                  "Template loop reaches through relations per item: "
                      + f.path()
                      + " (view "
                      + m.module()
                      + "."
                      + render.enclosingFunction()
                      + ")",
                  "The loop over "
                      + loop.iterable()
                      + " reads "
                      + String.join(", ", through)
                      + " for each item, one query each;"
                      + " the view "
                      + m.module()
                      + "."
                      + render.enclosingFunction()
                      + " ("
                      + m.path()
                      + ":"
                      + render.line()
                      + ") loads them lazily. "
                      + advice(missing),
                  through));
        }
      }
    }
  }

  /**
   * Whether a view's code gives the template the variable a loop walks: a context key or a keyword
   * of that name ("findings": ..., findings=...), or a local variable of that name handed over with
   * locals(). The view's own code and its class's other methods are read.
   */
  static boolean passes(String viewText, String iterable) {
    String root = iterable.contains(".") ? iterable.substring(0, iterable.indexOf('.')) : iterable;
    return viewText.contains("\"" + root + "\"")
        || viewText.contains("'" + root + "'")
        || Pattern.compile("\\b" + Pattern.quote(root) + "\\s*=").matcher(viewText).find()
            && viewText.contains("locals()")
        || Pattern.compile("\\b" + Pattern.quote(root) + "\\s*=(?!=)").matcher(viewText).find()
            && Pattern.compile("\\bdict\\(|get_context_data|context\\[|context\\.update")
                .matcher(viewText)
                .find();
  }

  private record TemplateLoop(String variable, String iterable, int line, List<String[]> uses) {}

  private static List<TemplateLoop> loopsIn(List<String> lines) {
    List<TemplateLoop> out = new ArrayList<>();
    Deque<TemplateLoop> open = new ArrayDeque<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      for (TemplateLoop loop : open) {
        Matcher use = Pattern.compile("\\b" + loop.variable() + "((?:\\.\\w+)+)").matcher(line);
        while (use.find()) {
          loop.uses().add(new String[] {loop.variable() + use.group(1), String.valueOf(i + 1)});
        }
      }
      Matcher f = FOR_TAG.matcher(line);
      int cursor = 0;
      while (f.find(cursor)) {
        TemplateLoop loop = new TemplateLoop(f.group(1), f.group(2), i + 1, new ArrayList<>());
        open.push(loop);
        out.add(loop);
        cursor = f.end();
        Matcher use =
            Pattern.compile("\\b" + loop.variable() + "((?:\\.\\w+)+)")
                .matcher(line.substring(cursor));
        while (use.find()) {
          loop.uses().add(new String[] {loop.variable() + use.group(1), String.valueOf(i + 1)});
        }
      }
      Matcher end = END_FOR.matcher(line);
      while (end.find() && !open.isEmpty()) {
        open.pop();
      }
    }
    return out;
  }

  private static RawFinding finding(
      String rule,
      String path,
      int line,
      String symbol,
      String title,
      String description,
      List<String> through) {
    return RawFinding.builder(rule)
        .nativeRuleId(rule)
        .title(title)
        .description(description)
        .category(Category.PERFORMANCE)
        .severity(Severity.MEDIUM)
        .confidence(rule.equals("nplusone.loop") ? Confidence.LOW : Confidence.MEDIUM)
        .path(path)
        .lines(line, line)
        .symbol(symbol)
        .keyEvidence(symbol)
        .evidence(Evidence.Kind.TEXT, "Reads per item: " + String.join("; ", through))
        .defaultImpact(Impact.of(3))
        .defaultEffort(Effort.hours(2))
        .build();
  }
}
