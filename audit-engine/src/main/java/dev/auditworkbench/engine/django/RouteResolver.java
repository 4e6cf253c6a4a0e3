package dev.auditworkbench.engine.django;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which route and view serve a URL path, from the scanned inventory, the way Django's resolver
 * matches: patterns in urlpatterns order, path() converters (int, str, slug, uuid, path) as their
 * regexes, re_path/url patterns as written.
 */
public final class RouteResolver {
  /** A route with the view's place in the code (when the view is in the repository). */
  public record Match(DjangoInventory.Route route, String viewPath, int viewLine) {}

  private static final Pattern CONVERTER =
      Pattern.compile("<(?:(int|str|slug|uuid|path):)?(\\w+)>");
  private static final Map<String, String> CONVERTERS =
      Map.of(
          "int",
          "[0-9]+",
          "str",
          "[^/]+",
          "slug",
          "[-a-zA-Z0-9_]+",
          "uuid",
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
          "path",
          ".+");

  private static final Pattern PY_NAMED_GROUP = Pattern.compile("\\(\\?P<\\w+>");

  private final List<Pattern> patterns = new ArrayList<>();
  private final List<DjangoInventory.Route> routes = new ArrayList<>();
  private final Map<String, DjangoInventory.View> views = new HashMap<>();

  public RouteResolver(DjangoInventory inventory) {
    for (DjangoInventory.Route r : inventory.routes()) {
      try {
        patterns.add(Pattern.compile(regexOf(r)));
        routes.add(r);
      } catch (PatternSyntaxException e) {
        // a pattern Java cannot read (rare Python-only regex syntax): that route is not matched
      }
    }
    inventory.views().forEach(v -> views.put(v.qualname(), v));
  }

  static String regexOf(DjangoInventory.Route r) {
    String p = r.pattern();
    if (r.kind().startsWith("path") || r.kind().equals("include")) {
      StringBuilder out = new StringBuilder();
      Matcher m = CONVERTER.matcher(p);
      int last = 0;
      while (m.find()) {
        out.append(Pattern.quote(p.substring(last, m.start())));
        out.append('(').append(CONVERTERS.get(m.group(1) == null ? "str" : m.group(1))).append(')');
        last = m.end();
      }
      out.append(Pattern.quote(p.substring(last)));
      return out + (r.kind().equals("include") ? ".*" : "");
    }
    // re_path/url: already a regex (anchors removed when prefixes were joined), with Python's
    // named groups, (?P<pk>...), which Java reads as (?<pk>...) and only without underscores: the
    // names are not needed to match.
    return PY_NAMED_GROUP.matcher(p).replaceAll("(");
  }

  /**
   * The route a path belongs to: the route whose pattern is the path itself (a trace's route
   * template, "/invoices/<int:pk>/"), else the first whose pattern matches the whole path
   * ("/invoices/3/" or "invoices/3/").
   */
  public Optional<Match> resolve(String urlPath) {
    String path = urlPath.startsWith("/") ? urlPath.substring(1) : urlPath;
    for (DjangoInventory.Route r : routes) {
      if (r.pattern().equals(path) && !r.kind().equals("include")) {
        return Optional.of(match(r));
      }
    }
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i).matcher(path).matches()) {
        return Optional.of(match(routes.get(i)));
      }
    }
    return Optional.empty();
  }

  private Match match(DjangoInventory.Route r) {
    DjangoInventory.View v = views.get(r.view());
    return new Match(r, v == null ? null : v.path(), v == null ? 0 : v.line());
  }
}
