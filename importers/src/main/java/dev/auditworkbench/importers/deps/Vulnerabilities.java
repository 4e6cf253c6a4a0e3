package dev.auditworkbench.importers.deps;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.List;
import java.util.Locale;

/** A known vulnerability in a dependency, in the same shape whichever scanner reported it. */
final class Vulnerabilities {
  private Vulnerabilities() {}

  /**
   * PEP 503 normalisation, for matching only: "Django_Money" and "django-money" are one package.
   * Names are shown as the scanner wrote them (an operating-system package such as libapt-pkg5.0 is
   * not a PyPI name and must not read libapt-pkg5-0).
   */
  static String canonical(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  /** The id to show and key on: the CVE when the advisory has one. */
  static String primaryId(String id, List<String> aliases) {
    if (id.startsWith("CVE-")) {
      return id;
    }
    return aliases.stream().filter(a -> a.startsWith("CVE-")).findFirst().orElse(id);
  }

  static RawFinding.Builder finding(
      String pkg,
      String version,
      String id,
      List<String> aliases,
      String fixed,
      Severity severity,
      String title,
      String description,
      String file) {
    String key = primaryId(id, aliases);
    String name = pkg.strip();
    StringBuilder evidence = new StringBuilder(name + " " + version + " is affected by " + id);
    if (!aliases.isEmpty()) {
      evidence.append(" (").append(String.join(", ", aliases)).append(")");
    }
    evidence.append(
        fixed == null || fixed.isBlank() ? "; no fixed version is known" : "; fixed in " + fixed);
    return RawFinding.builder("dependency.vulnerability")
        .nativeRuleId(id)
        .title(
            name
                + " "
                + version
                + ": "
                + key
                + (title == null || title.isBlank() ? "" : " " + title))
        .description(
            (description == null ? "" : description.strip())
                + (fixed == null || fixed.isBlank()
                    ? "\n\nNo fixed version is known yet."
                    : "\n\nUpgrade to " + fixed + "."))
        .category(Category.DEPENDENCIES)
        .severity(severity)
        .confidence(Confidence.HIGH)
        .path(file)
        .symbol("package " + name + "==" + version)
        .sourceLine(canonical(name) + "==" + version)
        .keyEvidence(canonical(name) + "@" + version + ":" + key)
        .evidence(Evidence.Kind.TEXT, evidence.toString())
        .defaultEffort(Effort.hours(fixed == null || fixed.isBlank() ? 16 : 3));
  }
}
