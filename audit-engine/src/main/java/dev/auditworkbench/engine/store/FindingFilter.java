package dev.auditworkbench.engine.store;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which findings to show. Empty sets mean "any"; {@code text} matches title, rule, path and tools,
 * case-insensitively. Shared by the CLI, the findings table and the board.
 */
public record FindingFilter(
    Set<Status> statuses, Set<Category> categories, Set<Severity> severities, Set<String> tools, String text)
    implements Predicate<Finding> {

  public FindingFilter {
    statuses = Set.copyOf(statuses);
    categories = Set.copyOf(categories);
    severities = Set.copyOf(severities);
    tools = Set.copyOf(tools);
    text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
  }

  public static FindingFilter all() {
    return new FindingFilter(Set.of(), Set.of(), Set.of(), Set.of(), "");
  }

  public FindingFilter withText(String newText) {
    return new FindingFilter(statuses, categories, severities, tools, newText);
  }

  @Override
  public boolean test(Finding f) {
    return (statuses.isEmpty() || statuses.contains(f.status()))
        && (categories.isEmpty() || categories.contains(f.category()))
        && (severities.isEmpty() || severities.contains(f.severity()))
        && (tools.isEmpty() || f.sources().stream().anyMatch(s -> tools.contains(s.tool())))
        && (text.isEmpty() || matchesText(f));
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

  private boolean matchesText(Finding f) {
    return matchesSearchable(searchable(f));
  }
}
