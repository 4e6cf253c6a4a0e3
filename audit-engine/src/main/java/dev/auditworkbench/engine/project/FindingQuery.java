package dev.auditworkbench.engine.project;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.priority.Quadrant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which findings to show: every filter the findings table, the board, the matrix and the CLI offer,
 * in one place. Empty sets mean "any"; {@code text} matches title, rule, path, symbol and tools,
 * case-insensitively; {@code apps} are top-level folders ({@link #appOf}); {@code quadrants} are
 * judged with the project's lines ({@code highImpact}, {@code lowEffortHours}).
 */
public record FindingQuery(
    Set<Status> statuses,
    Set<Category> categories,
    Set<Severity> severities,
    Set<String> tools,
    String text,
    Set<String> apps,
    Set<Quadrant> quadrants,
    int highImpact,
    int lowEffortHours)
    implements Predicate<Finding> {

  /** The app of a finding that has no file. */
  public static final String NO_FILE = "(no file)";

  /** The app of a file at the repository's top level. */
  public static final String TOP_LEVEL = "(repository)";

  public FindingQuery {
    statuses = Set.copyOf(statuses);
    categories = Set.copyOf(categories);
    severities = Set.copyOf(severities);
    tools = Set.copyOf(tools);
    text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    apps = Set.copyOf(apps);
    quadrants = Set.copyOf(quadrants);
  }

  /** The filters of the CLI's findings command (no app or quadrant). */
  public FindingQuery(
      Set<Status> statuses,
      Set<Category> categories,
      Set<Severity> severities,
      Set<String> tools,
      String text) {
    this(statuses, categories, severities, tools, text, Set.of(), Set.of(), 4, 16);
  }

  public static FindingQuery all() {
    return new FindingQuery(Set.of(), Set.of(), Set.of(), Set.of(), "");
  }

  public FindingQuery withText(String newText) {
    return new FindingQuery(
        statuses,
        categories,
        severities,
        tools,
        newText,
        apps,
        quadrants,
        highImpact,
        lowEffortHours);
  }

  /**
   * The same filters for every status: the board's columns and the matrix's quadrants are the
   * statuses.
   */
  public FindingQuery anyStatus() {
    return new FindingQuery(
        Set.of(), categories, severities, tools, text, apps, quadrants, highImpact, lowEffortHours);
  }

  /** The quadrants judged with these lines (the project's plan settings). */
  public FindingQuery withLines(int newHighImpact, int newLowEffortHours) {
    return new FindingQuery(
        statuses,
        categories,
        severities,
        tools,
        text,
        apps,
        quadrants,
        newHighImpact,
        newLowEffortHours);
  }

  /** Whether any filter is set (the pages say so, and offer to clear them). */
  public boolean isFiltering() {
    return !statuses.isEmpty()
        || !categories.isEmpty()
        || !severities.isEmpty()
        || !tools.isEmpty()
        || !text.isEmpty()
        || !apps.isEmpty()
        || !quadrants.isEmpty();
  }

  /** The filters in words, for a page's "filtered by" line; empty when none is set. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!text.isEmpty()) {
      parts.add("search \"" + text + "\"");
    }
    statuses.stream().map(s -> "status " + s.label()).sorted().forEach(parts::add);
    severities.stream().map(s -> "severity " + s.key()).sorted().forEach(parts::add);
    categories.stream().map(c -> "category " + c.key()).sorted().forEach(parts::add);
    tools.stream().map(t -> "tool " + t).sorted().forEach(parts::add);
    apps.stream().map(a -> "app " + a).sorted().forEach(parts::add);
    quadrants.stream().map(q -> "quadrant " + q.label()).sorted().forEach(parts::add);
    return String.join(", ", parts);
  }

  @Override
  public boolean test(Finding f) {
    return matchesExceptText(f) && (text.isEmpty() || matchesSearchable(searchable(f)));
  }

  /**
   * Every filter but the search text: views that cache each finding's {@link #searchable} text
   * check it with {@link #matchesSearchable} instead.
   */
  public boolean matchesExceptText(Finding f) {
    return (statuses.isEmpty() || statuses.contains(f.status()))
        && (categories.isEmpty() || categories.contains(f.category()))
        && (severities.isEmpty() || severities.contains(f.severity()))
        && (tools.isEmpty() || f.sources().stream().anyMatch(s -> tools.contains(s.tool())))
        && (apps.isEmpty() || apps.contains(appOf(f)))
        && (quadrants.isEmpty()
            || quadrants.contains(
                Quadrant.of(f.impact().value(), f.effort().hours(), highImpact, lowEffortHours)));
  }

  /** Whether the search text is in {@code searchable}, a finding's {@link #searchable} text. */
  public boolean matchesSearchable(String searchable) {
    return text.isEmpty() || searchable.contains(text);
  }

  /**
   * What the search text is looked for in: title, rule, path, symbol and tools, lower-cased, one a
   * line. Views compute it once per finding rather than on every keystroke.
   */
  public static String searchable(Finding f) {
    StringBuilder sb = new StringBuilder(f.title()).append('\n').append(f.ruleId()).append('\n');
    if (f.location().path() != null) {
      sb.append(f.location().path());
    }
    sb.append('\n');
    if (f.location().symbol() != null) {
      sb.append(f.location().symbol());
    }
    f.sources().forEach(src -> sb.append('\n').append(src.tool()));
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** The app (top-level folder of the finding's file) a finding is in. */
  public static String appOf(Finding f) {
    String path = f.location() == null ? null : f.location().path();
    if (path == null) {
      return NO_FILE;
    }
    int slash = path.indexOf('/');
    return slash < 0 ? TOP_LEVEL : path.substring(0, slash);
  }
}
