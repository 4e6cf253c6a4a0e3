package dev.auditworkbench.engine.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's findings as CSV for Jira's and Linear's CSV import: Summary, Description, Priority
 * (Highest to Lowest from severity), Labels (category, tools, OWASP ids, space-free) and the
 * finding's reference, one row per finding detailed in the report.
 */
public final class IssueTrackerCsv {
  private IssueTrackerCsv() {}

  public static void write(ReportModel model, Writer out) throws IOException {
    CsvTable csv = new CsvTable(out, "Summary", "Description", "Priority", "Labels", "Reference");
    for (ReportModel.Section section : model.sections()) {
      for (ReportModel.FindingView f : section.findings()) {
        StringBuilder description = new StringBuilder(f.description());
        description.append("\n\nLocation: ").append(f.location());
        description.append("\nImpact ").append(f.impact()).append(", effort ").append(f.effort());
        if (!f.cwe().isEmpty()) {
          description.append("\n").append(f.cwe());
        }
        f.evidence()
            .forEach(
                e ->
                    description.append("\n\n{noformat}\n").append(e.text()).append("\n{noformat}"));
        List<String> labels = new ArrayList<>();
        labels.add("audit");
        labels.add(f.category().toLowerCase(Locale.ROOT));
        for (String tool : f.tools().split(", ")) {
          if (!tool.isBlank()) {
            labels.add(tool.replace(' ', '-'));
          }
        }
        for (String o : f.owasp().split(", ")) {
          if (!o.isBlank()) {
            labels.add("owasp-" + o.substring(0, 3).toLowerCase(Locale.ROOT));
          }
        }
        csv.row(
            f.title(),
            description.toString(),
            priority(f.severity()),
            String.join(" ", labels),
            f.ref());
      }
    }
    csv.flush();
  }

  static String priority(String severity) {
    return switch (severity) {
      case "critical" -> "Highest";
      case "high" -> "High";
      case "medium" -> "Medium";
      case "low" -> "Low";
      default -> "Lowest";
    };
  }
}
