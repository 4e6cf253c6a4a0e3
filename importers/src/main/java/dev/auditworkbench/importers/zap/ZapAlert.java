package dev.auditworkbench.importers.zap;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.RawFinding;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One ZAP alert (a rule firing on one or more URLs) as a finding. ZAP reports the web app, not
 * files: the location is the URL path with its method, kept as the symbol; the repo scan's routes
 * tell which view serves it.
 */
final class ZapAlert {
  /** One place an alert fired. */
  record Instance(String uri, String method, String param, String evidence) {}

  String pluginId = "";
  String name = "";
  int risk = -1;
  int confidence = 2;
  String description = "";
  String solution = "";
  String reference = "";
  String otherInfo = "";
  int cwe;
  int wasc;
  final List<Instance> instances = new ArrayList<>();

  /** ZAP confidence 0 means a user marked the alert a false positive. */
  boolean isFalsePositive() {
    return confidence == 0;
  }

  RawFinding toFinding(String site) {
    String firstUri = instances.isEmpty() ? site : instances.get(0).uri();
    String method = instances.isEmpty() ? "GET" : instances.get(0).method();
    String path = pathOf(firstUri);
    String places =
        instances.stream()
            .limit(20)
            .map(
                i ->
                    i.method()
                        + " "
                        + i.uri()
                        + (i.param().isBlank() ? "" : " [" + i.param() + "]")
                        + (i.evidence().isBlank() ? "" : "  evidence: " + i.evidence()))
            .collect(Collectors.joining("\n"));
    if (instances.size() > 20) {
      places += "\n... and " + (instances.size() - 20) + " more";
    }
    RawFinding.Builder b =
        RawFinding.builder("zap." + pluginId)
            .nativeRuleId(pluginId)
            .title(name + " (" + instances.size() + (instances.size() == 1 ? " URL)" : " URLs)"))
            .description(
                text(description)
                    + (solution.isBlank() ? "" : "\n\nSolution: " + text(solution))
                    + (otherInfo.isBlank() ? "" : "\n\n" + text(otherInfo))
                    + (reference.isBlank() ? "" : "\n\nReferences:\n" + text(reference)))
            .category(Category.SECURITY)
            .severity(
                switch (risk) {
                  case 3 -> Severity.HIGH;
                  case 2 -> Severity.MEDIUM;
                  case 1 -> Severity.LOW;
                  default -> Severity.INFO;
                })
            .confidence(
                confidence >= 3
                    ? Confidence.HIGH
                    : confidence == 2 ? Confidence.MEDIUM : Confidence.LOW)
            .symbol(method + " " + path)
            .keyEvidence(site)
            .evidence(Evidence.Kind.TEXT, places)
            .defaultEffort(Effort.hours(risk >= 2 ? 6 : 2));
    if (cwe > 0) {
      b.cwe(cwe);
      OwaspTop10.forCwe(cwe).ifPresent(o -> b.owasp(o.id()));
    }
    return b.build();
  }

  static String pathOf(String uri) {
    try {
      String p = URI.create(uri.replace(" ", "%20")).getPath();
      return p == null || p.isEmpty() ? "/" : p;
    } catch (IllegalArgumentException e) {
      return uri;
    }
  }

  /** ZAP writes HTML paragraphs; findings hold text (the report escapes on output). */
  static String text(String html) {
    return html.replaceAll("(?i)</p>\\s*<p>", "\n")
        .replaceAll("<[^>]+>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .strip();
  }
}
