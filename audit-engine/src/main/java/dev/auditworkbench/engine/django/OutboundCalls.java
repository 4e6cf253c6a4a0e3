package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import dev.auditworkbench.engine.repo.ModuleNames;
import dev.auditworkbench.engine.repo.TestCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Calls that block a request on the network or on another process, found by following the project's
 * own call graph from what runs in a request: the views of the routes (a class view's methods and
 * those of its in-repo bases), the middleware and context processors the settings name, template
 * tags and filters, and signal receivers (a view's save fires them). A callee is resolved as Python
 * would through the module's imports ("from payments.gateway import charge"; "self.refund()" to the
 * class's own method or an in-repo base's), up to {@link #DEPTH} calls deep.
 *
 * <p>Known limits: calls on objects held in variables ("session = requests.Session();
 * session.get(...)", an SDK client built elsewhere) are not resolved; a call made only under a
 * condition that never holds in a request is still reported; Celery tasks called with .delay() are
 * not followed (that is the right place for the call), a task called directly is.
 */
public final class OutboundCalls {
  /** How many calls deep from an entry point the graph is followed. */
  public static final int DEPTH = 4;

  /** What a blocking call waits on. */
  public enum Kind {
    HTTP("an HTTP request", "HTTP"),
    SDK("a third-party API (payment, mail or SMS SDK)", "an API"),
    MAIL("sending mail over SMTP", "SMTP"),
    PROCESS("another process", "a subprocess"),
    SOCKET("a network socket", "a socket"),
    SLEEP("a sleep", "a sleep"),
    TASK_RESULT("a Celery task's result", "a Celery result");

    private final String words;
    private final String brief;

    Kind(String words, String brief) {
      this.words = words;
      this.brief = brief;
    }

    /** The same in a word or two, for titles. */
    public String brief() {
      return brief;
    }

    /** What the request waits on, in words. */
    public String words() {
      return words;
    }
  }

  /** Where a request starts running the project's code. */
  public record Entry(String function, String label) {}

  /**
   * A route whose view waits on two or more outside services one after the other (HTTP or SDK
   * calls): its waits add up, where an async view could overlap them. {@code path} and {@code line}
   * are the view's.
   */
  public record Fanout(String route, String view, String path, int line, List<String> callees) {}

  /** The blocking calls in path and line order, and the routes that call out more than once. */
  public record Result(List<Site> sites, List<Fanout> fanouts) {}

  /**
   * A blocking call reached from a request: where it is, what it calls (resolved), the shortest
   * chain from an entry point ("/checkout/ -> payments.views.checkout -> ... ->
   * stripe.Charge.create"), how many entry points reach it, and for HTTP calls whether a timeout is
   * given.
   */
  public record Site(
      String path,
      int line,
      String function,
      String callee,
      Kind kind,
      List<String> chain,
      int entries,
      boolean timeoutMissing,
      boolean cached,
      boolean inView) {
    public String chainText() {
      return String.join(" -> ", chain);
    }

    /** The callee's last two names ("mail.send_mail", "Charge.create"), for titles. */
    public String shortCallee() {
      if (kind == Kind.TASK_RESULT) {
        return callee;
      }
      String[] parts = callee.split("\\.");
      return parts.length <= 2 ? callee : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
  }

  private static final Set<String> HTTP_VERBS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options", "request");
  private static final Set<String> PROCESS =
      Set.of(
          "subprocess.run",
          "subprocess.call",
          "subprocess.check_call",
          "subprocess.check_output",
          "subprocess.Popen",
          "subprocess.getoutput",
          "subprocess.getstatusoutput",
          "os.system",
          "os.popen");
  private static final Set<String> SOCKET =
      Set.of(
          "socket.create_connection",
          "socket.gethostbyname",
          "socket.gethostbyname_ex",
          "socket.getaddrinfo");
  private static final Set<String> MAIL =
      Set.of(
          "django.core.mail.send_mail",
          "django.core.mail.send_mass_mail",
          "django.core.mail.mail_admins",
          "django.core.mail.mail_managers",
          "smtplib.SMTP",
          "smtplib.SMTP_SSL");
  private static final Set<String> URLOPEN =
      Set.of(
          "urllib.request.urlopen",
          "urllib2.urlopen",
          "urllib.urlopen",
          "six.moves.urllib.request.urlopen",
          "http.client.HTTPConnection",
          "http.client.HTTPSConnection",
          "httplib.HTTPConnection",
          "httplib.HTTPSConnection",
          "urllib3.request");

  /** SDKs whose module-level calls go to the network: "stripe.Charge.create". */
  private static final List<String> SDKS =
      List.of(
          "stripe.",
          "braintree.",
          "paypalrestsdk.",
          "sendgrid.",
          "mailchimp3.",
          "mailchimp_marketing.",
          "twilio.",
          "plivo.",
          "nexmo.",
          "vonage.",
          "slack_sdk.",
          "slack.",
          "firebase_admin.messaging.",
          "googlemaps.",
          "geopy.",
          "boto.",
          "hubspot.",
          "intercom.",
          "analytics.",
          "mixpanel.",
          "recurly.",
          "chargebee.",
          "square.",
          "adyen.",
          "mollie.");

  /** Methods of an SDK that build or configure locally (no request). */
  private static final Set<String> LOCAL_SDK_CALLS =
      Set.of(
          "construct_event",
          "Webhook.construct_event",
          "WebhookSignature.verify_header",
          "set_app_info",
          "Mail",
          "Email",
          "To",
          "Content",
          "Attachment");

  /**
   * Email backends that queue: send_mail through them does not wait on SMTP. (The console and
   * in-memory backends of development settings do not count: production sends.)
   */
  private static final Pattern NON_BLOCKING_MAIL =
      Pattern.compile(
          "djcelery_email|celery_email|post_office|mailer\\.backend|django_rq_email|django_q|huey");

  private static final Pattern TASK_WAIT =
      Pattern.compile("(\\.(delay|apply_async|s|si)\\(.*\\)|AsyncResult\\(.*\\))\\.(get|wait)$");

  /**
   * A model admin's base: django.contrib.admin's, or one of an admin package
   * ("simple_history.admin. SimpleHistoryAdmin", "import_export.admin.ImportExportModelAdmin").
   */
  private static final Pattern ADMIN_BASE =
      Pattern.compile(
          "(.*\\.)?admin(\\.options)?\\.(\\w*Admin|TabularInline|StackedInline|AdminSite)");

  private final PythonNames names;
  private final Map<String, Function> functions = new HashMap<>();

  /** A function or method of the repository by its dotted name, with its module and calls. */
  private record Function(
      ModuleFacts module, ModuleFacts.FunctionDef def, List<ModuleFacts.CallRef> calls) {
    String className() {
      return def.className() == null || def.isClosure() ? null : def.className();
    }
  }

  private OutboundCalls(PythonNames names) {
    this.names = names;
    Map<String, List<ModuleFacts.CallRef>> calls = new HashMap<>();
    for (ModuleFacts m : names.byModule().values()) {
      for (ModuleFacts.CallRef c : m.calls()) {
        if (c.enclosingFunction() != null) {
          calls
              .computeIfAbsent(m.module() + "." + c.enclosingFunction(), k -> new ArrayList<>())
              .add(c);
        }
      }
    }
    for (ModuleFacts m : names.byModule().values()) {
      if (TestCode.isTest(m.path())) {
        continue;
      }
      for (ModuleFacts.FunctionDef f : m.functions()) {
        if (!f.isClosure()) {
          String fq = m.module() + "." + f.qualname();
          functions.put(fq, new Function(m, f, calls.getOrDefault(fq, List.of())));
        }
      }
    }
  }

  /**
   * The blocking calls reached from a request in these modules, in path and line order, and the
   * routes that call out more than once. The inventory's settings modules are read for MIDDLEWARE,
   * TEMPLATES' context processors and EMAIL_BACKEND.
   */
  public static Result find(
      List<ModuleFacts> modules, ModuleNames moduleNames, DjangoInventory inventory) {
    OutboundCalls calls = new OutboundCalls(new PythonNames(modules, moduleNames));
    return calls.search(calls.entries(inventory), calls.mailBlocks(inventory));
  }

  /** Where requests enter the project's code, each with a label for the chain. */
  List<Entry> entries(DjangoInventory inventory) {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (DjangoInventory.Route r : inventory.routes()) {
      if (r.view() != null) {
        for (String f : entryFunctions(r.view())) {
          out.putIfAbsent(
              f, new Entry(f, r.pattern().startsWith("/") ? r.pattern() : "/" + r.pattern()));
        }
      }
    }
    for (String module : inventory.settingsModules()) {
      EffectiveSettings s = EffectiveSettings.of(module, names.byModule(), names.moduleNames());
      s.get("MIDDLEWARE")
          .or(() -> s.get("MIDDLEWARE_CLASSES"))
          .ifPresent(
              mw ->
                  dottedLiterals(mw.value())
                      .forEach(
                          d ->
                              entryFunctions(d)
                                  .forEach(
                                      f -> out.putIfAbsent(f, new Entry(f, "middleware " + d)))));
      s.get("TEMPLATES")
          .ifPresent(
              t ->
                  dottedLiterals(t.value())
                      .forEach(
                          d ->
                              entryFunctions(d)
                                  .forEach(
                                      f ->
                                          out.putIfAbsent(
                                              f, new Entry(f, "context processor " + d)))));
    }
    for (Map.Entry<String, Function> e : functions.entrySet()) {
      for (String d : e.getValue().def().decorators()) {
        String deco = d.replace(" ", "");
        if (deco.matches("register\\.(simple_tag|filter|inclusion_tag|tag|assignment_tag)\\b.*")) {
          out.putIfAbsent(
              e.getKey(), new Entry(e.getKey(), "template tag " + e.getValue().def().name()));
        }
      }
    }
    // The admin's pages and actions run in requests too.
    for (ModuleFacts m : names.byModule().values()) {
      if (TestCode.isTest(m.path())) {
        continue;
      }
      for (ModuleFacts.ClassDef c : m.classes()) {
        String q = m.module() + "." + c.qualname();
        if (names.classBasesReach(q, b -> ADMIN_BASE.matcher(b).matches())) {
          List<String> methods = new ArrayList<>();
          classMethods(q, methods, new LinkedHashSet<>());
          methods.forEach(f -> out.putIfAbsent(f, new Entry(f, "admin " + q)));
        }
      }
    }
    for (DjangoInventory.Named r : inventory.receivers()) {
      if (functions.containsKey(r.name())) {
        out.putIfAbsent(r.name(), new Entry(r.name(), "signal receiver " + r.name()));
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * The functions a view, middleware or processor named by a dotted path runs: the function itself,
   * or a class's methods and those of its in-repo bases.
   */
  private List<String> entryFunctions(String dotted) {
    String d = dotted.endsWith(".as_view") ? dotted.substring(0, dotted.length() - 8) : dotted;
    if (functions.containsKey(d)) {
      return List.of(d);
    }
    String real = names.canonical(d);
    if (functions.containsKey(real)) {
      return List.of(real);
    }
    List<String> out = new ArrayList<>();
    classMethods(real, out, new LinkedHashSet<>());
    return out;
  }

  private void classMethods(String qualified, List<String> out, Set<String> seen) {
    if (!seen.add(qualified) || seen.size() > 8) {
      return;
    }
    Optional<ModuleFacts.ClassDef> c = names.classOf(qualified);
    if (c.isEmpty()) {
      return;
    }
    String module = moduleOfClass(qualified, c.get());
    for (String method : c.get().methods()) {
      String fq = module + "." + c.get().qualname() + "." + method;
      if (functions.containsKey(fq)) {
        out.add(fq);
      }
    }
    for (String base : c.get().bases()) {
      classMethods(names.canonical(names.qualify(module, base)), out, seen);
    }
  }

  private String moduleOfClass(String qualified, ModuleFacts.ClassDef c) {
    String real = names.classAt(qualified).isPresent() ? qualified : names.canonical(qualified);
    return real.substring(0, real.length() - c.qualname().length() - 1);
  }

  /** Whether send_mail waits on SMTP: no settings module names a queueing or local backend. */
  private boolean mailBlocks(DjangoInventory inventory) {
    for (String module : inventory.settingsModules()) {
      EffectiveSettings s = EffectiveSettings.of(module, names.byModule(), names.moduleNames());
      Optional<EffectiveSettings.Setting> backend = s.get("EMAIL_BACKEND");
      if (backend.isPresent() && NON_BLOCKING_MAIL.matcher(backend.get().value()).find()) {
        return false;
      }
    }
    return true;
  }

  /** Breadth first from every entry, so each call site keeps its shortest chain. */
  Result search(List<Entry> entries, boolean mailBlocks) {
    record Found(Site site, Set<String> entries, boolean[] inView) {}
    Map<String, Found> sites = new LinkedHashMap<>();
    Map<String, Set<String>> servicesByRoute = new LinkedHashMap<>();
    Map<String, String> viewOfRoute = new LinkedHashMap<>();
    for (Entry entry : entries) {
      boolean route = entry.label().startsWith("/");
      // ATOMIC_REQUESTS wraps a view, unless it opts out; middleware runs outside it.
      boolean atomicView =
          route
              && functions.containsKey(entry.function())
              && functions.get(entry.function()).def().decorators().stream()
                  .noneMatch(d -> d.contains("non_atomic_requests"));
      if (route) {
        viewOfRoute.putIfAbsent(entry.label(), entry.function());
      }
      Map<String, String> parent = new HashMap<>();
      Deque<String> queue = new ArrayDeque<>();
      Map<String, Integer> depth = new HashMap<>();
      queue.add(entry.function());
      depth.put(entry.function(), 0);
      while (!queue.isEmpty()) {
        String fq = queue.poll();
        Function f = functions.get(fq);
        if (f == null) {
          continue;
        }
        for (ModuleFacts.CallRef call : f.calls()) {
          String callee = resolve(f, call.callee());
          if (callee == null) {
            continue;
          }
          if (functions.containsKey(callee)) {
            if (!depth.containsKey(callee) && depth.get(fq) < DEPTH) {
              depth.put(callee, depth.get(fq) + 1);
              parent.put(callee, fq);
              queue.add(callee);
            }
            continue;
          }
          Kind kind = kindOf(callee, call.callee(), mailBlocks);
          if (kind == null) {
            continue;
          }
          String key = f.module().path() + ":" + call.line() + ":" + callee;
          Found found = sites.get(key);
          if (found == null) {
            List<String> path = new ArrayList<>();
            for (String at = fq; at != null; at = parent.get(at)) {
              path.add(0, at);
            }
            List<String> chain = new ArrayList<>(path);
            if (!entry.label().endsWith(" " + chain.get(0))) {
              chain.add(0, entry.label());
            } else {
              chain.set(0, entry.label()); // "context processor a.b.f", not "... a.b.f -> a.b.f"
            }
            chain.add(kind == Kind.TASK_RESULT ? call.callee() : callee);
            sites.put(
                key,
                found =
                    new Found(
                        new Site(
                            f.module().path(),
                            call.line(),
                            fq,
                            kind == Kind.TASK_RESULT ? call.callee() : callee,
                            kind,
                            List.copyOf(chain),
                            0,
                            kind == Kind.HTTP && timeoutMissing(callee, call),
                            cachedAlong(path),
                            false),
                        new LinkedHashSet<>(),
                        new boolean[1]));
          }
          found.entries().add(entry.label());
          found.inView()[0] |= atomicView || (!route && !entry.label().startsWith("middleware"));
          if (route && (kind == Kind.HTTP || kind == Kind.SDK)) {
            servicesByRoute
                .computeIfAbsent(entry.label(), k -> new LinkedHashSet<>())
                .add(found.site().callee());
          }
        }
      }
    }
    List<Fanout> fanouts = new ArrayList<>();
    servicesByRoute.forEach(
        (route, callees) -> {
          Function view = functions.get(viewOfRoute.get(route));
          if (callees.size() >= 2 && view != null) {
            fanouts.add(
                new Fanout(
                    route,
                    viewOfRoute.get(route),
                    view.module().path(),
                    view.def().line(),
                    List.copyOf(callees)));
          }
        });
    List<Site> found =
        sites.values().stream()
            .map(
                f ->
                    new Site(
                        f.site().path(),
                        f.site().line(),
                        f.site().function(),
                        f.site().callee(),
                        f.site().kind(),
                        f.site().chain(),
                        f.entries().size(),
                        f.site().timeoutMissing(),
                        f.site().cached(),
                        f.inView()[0]))
            .sorted(Comparator.comparing(Site::path).thenComparingInt(Site::line))
            .toList();
    return new Result(found, fanouts);
  }

  private static final Pattern CACHE_READ =
      Pattern.compile("(^|\\.)(cache|caches\\[.*\\])\\.(get|get_or_set|get_many)$");
  private static final Pattern CACHING_DECORATOR =
      Pattern.compile("(^|\\.)(cache_page|lru_cache|cache|cached|memoize|cache_memoize)\\b.*");

  /**
   * Whether a function of the chain reads Django's cache first or is memoised: then only a miss
   * waits on the call.
   */
  private boolean cachedAlong(List<String> path) {
    for (String fq : path) {
      Function f = functions.get(fq);
      if (f == null) {
        continue;
      }
      if (f.def().decorators().stream().anyMatch(d -> CACHING_DECORATOR.matcher(d).matches())
          || f.calls().stream()
              .anyMatch(c -> CACHE_READ.matcher(c.callee().replaceAll("\\s+", "")).find())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The dotted name a call's callee stands for in the calling function: a project function or
   * method, or an outside name ("requests.get"); null when it cannot be told (a call on a local
   * variable).
   */
  private String resolve(Function caller, String callee) {
    String c = callee.replaceAll("\\s+", "");
    if (c.isEmpty() || c.startsWith("(") || c.startsWith("[")) {
      return null;
    }
    if (TASK_WAIT.matcher(c).find()) {
      return c;
    }
    if (c.contains("(") || c.contains("[")) {
      return null; // a call on a call's result, other than waiting on a task
    }
    String module = caller.module().module();
    if ((c.startsWith("self.") || c.startsWith("cls.")) && caller.className() != null) {
      String method = c.substring(c.indexOf('.') + 1);
      if (method.contains(".")) {
        return null; // self.client.get(...): an attribute's method
      }
      List<String> found = new ArrayList<>();
      classMethods(module + "." + caller.className(), found, new LinkedHashSet<>());
      return found.stream().filter(f -> f.endsWith("." + method)).findFirst().orElse(null);
    }
    int dot = c.indexOf('.');
    String head = dot < 0 ? c : c.substring(0, dot);
    if (caller.def().params().contains(head) || head.equals("self") || head.equals("cls")) {
      return null;
    }
    String qualified = names.qualify(module, c);
    if (functions.containsKey(qualified)) {
      return qualified;
    }
    String real = names.canonical(qualified);
    if (functions.containsKey(real)) {
      return real;
    }
    if (!qualified.contains(".")) {
      return null; // a builtin or a local name
    }
    return real;
  }

  /** The kind of blocking call an outside name is, or null when it is none of them. */
  private static Kind kindOf(String qualified, String written, boolean mailBlocks) {
    if (TASK_WAIT.matcher(written.replaceAll("\\s+", "")).find()) {
      return Kind.TASK_RESULT;
    }
    int dot = qualified.lastIndexOf('.');
    String last = dot < 0 ? qualified : qualified.substring(dot + 1);
    String owner = dot < 0 ? "" : qualified.substring(0, dot);
    if ((owner.equals("requests") || owner.equals("requests.api") || owner.equals("httpx"))
        && HTTP_VERBS.contains(last)) {
      return Kind.HTTP;
    }
    if (owner.equals("httpx") && last.equals("stream")) {
      return Kind.HTTP;
    }
    if (URLOPEN.contains(qualified)) {
      return Kind.HTTP;
    }
    if (PROCESS.contains(qualified)) {
      return Kind.PROCESS;
    }
    if (SOCKET.contains(qualified)) {
      return Kind.SOCKET;
    }
    if (qualified.equals("time.sleep")) {
      return Kind.SLEEP;
    }
    if (MAIL.contains(qualified)) {
      return qualified.startsWith("smtplib") || mailBlocks ? Kind.MAIL : null;
    }
    for (String sdk : SDKS) {
      if (qualified.startsWith(sdk)) {
        String rest = qualified.substring(sdk.length());
        // stripe.Charge.create, braintree.Transaction.sale: a resource's method; not a
        // constructor or a local helper
        if (rest.contains(".")
            && Character.isUpperCase(rest.charAt(0))
            && !LOCAL_SDK_CALLS.contains(rest)
            && !LOCAL_SDK_CALLS.contains(last)
            && Character.isLowerCase(last.charAt(0))) {
          return Kind.SDK;
        }
        return null;
      }
    }
    return null;
  }

  /**
   * Whether an HTTP call leaves the timeout to the library's default (none for requests and urllib:
   * a hung server holds the worker until it is killed). A call passing **kwargs may set it.
   */
  private static boolean timeoutMissing(String qualified, ModuleFacts.CallRef call) {
    if (call.kwargs().containsKey("timeout")
        || call.args().stream().anyMatch(a -> a.startsWith("**"))) {
      return false;
    }
    if (qualified.startsWith("httpx")) {
      return false; // httpx times out after 5 s by default
    }
    if (qualified.endsWith("urlopen")) {
      return call.args().size() < 3; // urlopen(url, data, timeout)
    }
    if (qualified.contains("HTTPConnection") || qualified.contains("HTTPSConnection")) {
      return call.args().size() < 3 && !qualified.startsWith("httplib"); // (host, port, timeout)
    }
    return qualified.startsWith("requests");
  }

  /** Dotted names in string literals of a setting's value ("'app.middleware.Audit'"). */
  private static List<String> dottedLiterals(String value) {
    List<String> out = new ArrayList<>();
    var m = Pattern.compile("['\"]([A-Za-z_][\\w]*(?:\\.[A-Za-z_][\\w]*)+)['\"]").matcher(value);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
