package dev.auditworkbench.engine.strangler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.auditworkbench.engine.django.DjangoInventory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What moving one candidate takes: the routes to put behind the routing layer (as nginx locations
 * and as regexes for a routing middleware), the imports that cross its cut (to move, or to put
 * behind an interface), and the replay list: which routes, and how many captured requests of each,
 * a regression harness replays against the old and the new service.
 *
 * <p>Replay samples per route: 3 per variant seen (method and status class, so a route's errors and
 * redirects are replayed as well as its successes) plus one per distinct path up to 5 (so different
 * ids and slugs are covered), at most {@value #MAX_SAMPLES} and never more than the route's
 * captured requests. A route no captured request reached gets none: it needs a test by hand.
 * Example paths keep numbers and the pattern's own words; any other value in them (a slug, a token)
 * is shown as {value}.
 */
public final class StranglerRouting {
  /** Most samples taken for one route. */
  public static final int MAX_SAMPLES = 30;

  private static final Pattern CONVERTER =
      Pattern.compile("<(?:(int|str|slug|uuid|path):)?(\\w+)>");
  private static final Map<String, String> CONVERTERS =
      Map.of(
          "int", "[0-9]+",
          "str", "[^/]+",
          "slug", "[-a-zA-Z0-9_]+",
          "uuid", "[0-9a-f-]{36}",
          "path", ".+");

  /** A route to send to the new service. */
  public record Rule(String route, String regex, List<String> methods, long requests) {}

  /** One route's replay: what was captured and how many samples to take. */
  public record Replay(
      String route,
      long requests,
      Map<String, Long> methods,
      Map<String, Long> statuses,
      int distinctPaths,
      int samples,
      Map<String, Long> examples) {}

  /** The whole plan for one candidate. */
  public record Plan(
      StranglerCandidates.Candidate candidate,
      List<Rule> rules,
      List<String> prefixes,
      String nginx,
      List<Stranglers.Crossing> crossings,
      List<Replay> replay) {
    public int samples() {
      return replay.stream().mapToInt(Replay::samples).sum();
    }
  }

  private StranglerRouting() {}

  public static Plan of(Stranglers.Analysis analysis, StranglerCandidates.Candidate candidate) {
    Map<String, DjangoInventory.Route> byRoute = new HashMap<>();
    analysis.allRoutes().forEach(r -> byRoute.putIfAbsent("/" + r.pattern(), r));
    List<Rule> rules = new ArrayList<>();
    Set<String> mine = new LinkedHashSet<>();
    for (StranglerCandidates.RouteTraffic t : candidate.routes()) {
      DjangoInventory.Route r = byRoute.get(t.route());
      rules.add(new Rule(t.route(), regexOf(t.route(), r), t.methods(), t.requests()));
      mine.add(t.route());
    }
    // A first path segment only this candidate's routes use is one prefix location; the others are
    // caught route by route, so nothing of the rest of the monolith is sent to the new service.
    Map<String, Boolean> ownSegment = new LinkedHashMap<>();
    for (Rule rule : rules) {
      String segment = firstSegment(rule.route());
      if (segment != null) {
        ownSegment.putIfAbsent(segment, true);
      }
    }
    List<String> others = new ArrayList<>();
    analysis.allRoutes().forEach(r -> others.add("/" + r.pattern()));
    analysis.requests().keySet().forEach(others::add);
    for (String other : others) {
      if (!mine.contains(other)) {
        String segment = firstSegment(other);
        if (segment != null && ownSegment.containsKey(segment)) {
          ownSegment.put(segment, false);
        }
        if (segment == null && variableFirst(other)) {
          // a route with a variable first part ("/<slug:page>/") may take any prefix
          ownSegment.replaceAll((k, v) -> false);
        }
      }
    }
    List<String> prefixes = new ArrayList<>();
    ownSegment.forEach(
        (segment, own) -> {
          if (own) {
            prefixes.add(segment);
          }
        });
    StringBuilder nginx = new StringBuilder();
    nginx
        .append("# Strangler routing for ")
        .append(candidate.name())
        .append(" (cluster ")
        .append(candidate.cluster() + 1)
        .append("): these go to the new service, the rest stays on the monolith.\n")
        .append(
            "# Put inside the server block; define the upstreams 'strangled' and 'monolith'.\n");
    for (String p : prefixes) {
      nginx.append("location ^~ ").append(p).append(" { proxy_pass http://strangled; }\n");
    }
    for (Rule rule : rules) {
      if (prefixes.contains(firstSegment(rule.route()))) {
        continue;
      }
      nginx
          .append("location ~ ")
          .append(rule.regex())
          .append(" { proxy_pass http://strangled; }")
          .append(rule.methods().isEmpty() ? "" : "  # " + String.join(", ", rule.methods()))
          .append('\n');
    }
    nginx.append("location / { proxy_pass http://monolith; }\n");
    List<Replay> replay = new ArrayList<>();
    for (StranglerCandidates.RouteTraffic t : candidate.routes()) {
      Stranglers.RouteRequests seen = analysis.requests().get(t.route());
      if (seen == null) {
        replay.add(new Replay(t.route(), 0, Map.of(), Map.of(), 0, 0, Map.of()));
        continue;
      }
      int variants = seen.methods().size() * seen.statuses().size();
      int distinct = seen.paths().size();
      int samples =
          (int)
              Math.min(
                  seen.requests(), Math.min(MAX_SAMPLES, 3L * variants + Math.min(5, distinct)));
      Map<String, Long> examples = new LinkedHashMap<>();
      seen.paths().entrySet().stream()
          .limit(5)
          .forEach(e -> examples.merge(example(e.getKey(), t.route()), e.getValue(), Long::sum));
      replay.add(
          new Replay(
              t.route(),
              seen.requests(),
              seen.methods(),
              seen.statuses(),
              distinct,
              samples,
              examples));
    }
    return new Plan(
        candidate,
        List.copyOf(rules),
        List.copyOf(prefixes),
        nginx.toString(),
        analysis.crossings().getOrDefault(candidate.cluster(), List.of()),
        List.copyOf(replay));
  }

  /** The anchored regex of a route, for nginx and a routing middleware alike. */
  static String regexOf(String route, DjangoInventory.Route r) {
    String p = route.substring(1);
    if (r != null && !(r.kind().startsWith("path") || r.kind().equals("include"))) {
      String regex = p.startsWith("^") ? p.substring(1) : p;
      return "^/" + (regex.endsWith("$") ? regex : regex + "$");
    }
    StringBuilder out = new StringBuilder("^/");
    Matcher m = CONVERTER.matcher(p);
    int last = 0;
    while (m.find()) {
      out.append(literal(p.substring(last, m.start())));
      out.append(CONVERTERS.get(m.group(1) == null ? "str" : m.group(1)));
      last = m.end();
    }
    out.append(literal(p.substring(last)));
    return out + (r != null && r.kind().equals("include") ? "" : "$");
  }

  private static String literal(String s) {
    return s.replaceAll("([.\\\\+*?\\[\\](){}|^$])", "\\\\$1");
  }

  /** "/invoices/" of "/invoices/<int:pk>/"; null when the first part is variable or the root. */
  static String firstSegment(String route) {
    int slash = route.indexOf('/', 1);
    if (slash < 0) {
      return null;
    }
    String segment = route.substring(0, slash + 1);
    return segment.matches("/[-\\w.]+/") ? segment : null;
  }

  /** Whether a route's first part is a value ("/<slug:page>/", "/(?P<year>[0-9]{4})/"). */
  static boolean variableFirst(String route) {
    return route.length() > 1 && !route.substring(1).matches("[-\\w.]*(/.*)?");
  }

  /** A captured path with any value that is not a number or a word of the pattern as {value}. */
  static String example(String path, String route) {
    Set<String> words = new LinkedHashSet<>(List.of(route.split("[^-\\w.]+")));
    String[] parts = path.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (!part.isEmpty() && !part.matches("[0-9]+") && !words.contains(part)) {
        parts[i] = "{value}";
      }
    }
    return String.join("/", parts);
  }

  /** The plan as JSON (what a routing middleware and a replay harness read). */
  public static String json(Plan plan) throws IOException {
    return new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(document(plan))
        + "\n";
  }

  /** The plan as TOML, the same document. */
  public static String toml(Plan plan) throws IOException {
    String toml = new TomlMapper().writeValueAsString(document(plan));
    return toml.endsWith("\n") ? toml : toml + "\n";
  }

  private static Map<String, Object> document(Plan plan) {
    StranglerCandidates.Candidate k = plan.candidate();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("candidate", k.name());
    out.put("cluster", k.cluster() + 1);
    out.put("apps", k.apps());
    out.put("prefixes", plan.prefixes());
    List<Map<String, Object>> routes = new ArrayList<>();
    for (Rule r : plan.rules()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("route", r.route());
      m.put("regex", r.regex());
      m.put("methods", r.methods());
      m.put("requests", r.requests());
      routes.add(m);
    }
    out.put("routes", routes);
    List<Map<String, Object>> crossing = new ArrayList<>();
    for (Stranglers.Crossing c : plan.crossings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("from", c.from());
      m.put("to", c.to());
      m.put("direction", c.out() ? "out" : "in");
      m.put("path", c.path());
      m.put("lines", c.lines());
      crossing.add(m);
    }
    out.put("crossing_imports", crossing);
    List<Map<String, Object>> replay = new ArrayList<>();
    for (Replay r : plan.replay()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("route", r.route());
      m.put("captured", r.requests());
      m.put("samples", r.samples());
      m.put("methods", r.methods());
      m.put("statuses", r.statuses());
      m.put("distinct_paths", r.distinctPaths());
      m.put("examples", r.examples());
      replay.add(m);
    }
    out.put("replay", replay);
    return out;
  }
}
