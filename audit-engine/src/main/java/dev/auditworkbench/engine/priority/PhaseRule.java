package dev.auditworkbench.engine.priority;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "selector = phase": a work item matching the selector goes to the phase. A selector is
 * alternatives joined by {@code |}, each a conjunction of terms joined by {@code &}: {@code
 * rule:GLOB} (any finding's rule id, {@code *} as wildcard), {@code category:C}, {@code severity:S}
 * (any of its findings), {@code quadrant:Q}, {@code impact>=N}, or {@code *}.
 */
public record PhaseRule(String selector, Phase phase) {

  /** The defaults, tried after the auditor's own rules; first match wins. */
  public static final List<PhaseRule> DEFAULTS =
      List.of(
          parse("severity:critical = stop-the-bleeding"),
          parse("category:security & severity:high = stop-the-bleeding"),
          parse("rule:secret.* = stop-the-bleeding"),
          parse("quadrant:quick-win = stop-the-bleeding"),
          parse(
              "rule:seams.* | rule:workbench.import-cycle | rule:workbench.app-cycle | rule:history.change-coupling"
                  + " = map-the-seams"),
          parse("category:testing | rule:history.* = capture-ground-truth"),
          parse("category:performance = strangler-fig"),
          parse(
              "category:security | category:dependencies | category:architecture | rule:tenancy.* = branch-by-abstraction"),
          parse("* = delete-the-legacy"));

  /** Reads "selector = phase". */
  public static PhaseRule parse(String text) {
    int eq = text.lastIndexOf('=');
    if (eq <= 0 || text.charAt(eq - 1) == '>') {
      throw new IllegalArgumentException("a phase rule is 'selector = phase', was '" + text + "'");
    }
    String selector = text.substring(0, eq).trim();
    for (String alt : selector.split("\\|")) {
      for (String term : alt.split("&")) {
        checkTerm(term.trim());
      }
    }
    return new PhaseRule(selector, Phase.parse(text.substring(eq + 1)));
  }

  private static void checkTerm(String term) {
    if (term.equals("*") || term.startsWith("rule:") || term.startsWith("impact>=")) {
      return;
    }
    if (term.startsWith("category:")) {
      Category.parse(term.substring(9));
    } else if (term.startsWith("severity:")) {
      Severity.parse(term.substring(9));
    } else if (term.startsWith("quadrant:")) {
      Quadrant.parse(term.substring(9));
    } else {
      throw new IllegalArgumentException(
          "unknown selector term '"
              + term
              + "'; use rule:GLOB, category:C, severity:S, quadrant:Q, impact>=N or *");
    }
  }

  /** True when the item (its findings, worst severity, quadrant and impact) matches. */
  public boolean matches(List<Finding> findings, Quadrant quadrant, int impact) {
    for (String alt : selector.split("\\|")) {
      boolean all = true;
      for (String term : alt.split("&")) {
        if (!term(term.trim(), findings, quadrant, impact)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean term(String t, List<Finding> findings, Quadrant quadrant, int impact) {
    if (t.equals("*")) {
      return true;
    }
    if (t.startsWith("rule:")) {
      String glob = "\\Q" + t.substring(5).replace("*", "\\E.*\\Q") + "\\E";
      return findings.stream().anyMatch(f -> f.ruleId().matches(glob));
    }
    if (t.startsWith("category:")) {
      String c = t.substring(9).toLowerCase(Locale.ROOT);
      return findings.stream().anyMatch(f -> f.category().key().equals(c));
    }
    if (t.startsWith("severity:")) {
      var s = Severity.parse(t.substring(9));
      return findings.stream().anyMatch(f -> f.severity() == s);
    }
    if (t.startsWith("quadrant:")) {
      return quadrant == Quadrant.parse(t.substring(9));
    }
    if (t.startsWith("impact>=")) {
      return impact >= Integer.parseInt(t.substring(8).trim());
    }
    return false;
  }

  /** The auditor's rules (one per line), then the defaults. */
  public static List<PhaseRule> withDefaults(String userRules) {
    List<PhaseRule> out = new ArrayList<>();
    if (userRules != null) {
      for (String line : userRules.split("\n")) {
        if (!line.isBlank()) {
          out.add(parse(line));
        }
      }
    }
    out.addAll(DEFAULTS);
    return out;
  }

  @Override
  public String toString() {
    return selector + " = " + phase.key();
  }
}
