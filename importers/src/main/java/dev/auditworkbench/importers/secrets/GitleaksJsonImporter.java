package dev.auditworkbench.importers.secrets;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Words;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.spi.Secrets;
import dev.auditworkbench.importers.common.JsonFields;
import dev.auditworkbench.importers.common.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * gitleaks' JSON report, v7 keys (offender, rule, lineNumber, file, commit; before v7 without
 * lineNumber) and v8 keys (Secret, Match, RuleID, Description, File, StartLine, Commit...). The
 * secret itself is never stored: the title and evidence show it masked, the fingerprint uses its
 * hash. A secret found only in git history is still a finding: it must be rotated even if the file
 * no longer holds it.
 */
public final class GitleaksJsonImporter implements Importer {
  static final String FORMAT = "gitleaks JSON report (v7 or v8)";

  @Override
  public String id() {
    return "gitleaks-json";
  }

  @Override
  public String displayName() {
    return "gitleaks JSON";
  }

  @Override
  public String tool() {
    return "gitleaks";
  }

  @Override
  public String description() {
    return "Secrets in files and git history found by gitleaks (v7 and v8 reports), masked when stored.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    if (sample.binary()) {
      return 0;
    }
    if (head.startsWith("[")
        && head.contains("\"RuleID\"")
        && (head.contains("\"Secret\"") || head.contains("\"Match\""))) {
      return 0.95;
    }
    if (head.startsWith("[") && head.contains("\"offender\"") && head.contains("\"lineNumber\"")) {
      return 0.95;
    }
    // gitleaks before 7 wrote no lineNumber: offender, rule and commit name it all the same
    if (head.startsWith("[")
        && head.contains("\"offender\"")
        && head.contains("\"commit\"")
        && head.contains("\"rule\"")) {
      return 0.9;
    }
    return head.strip().equals("null") ? 0.55 : 0; // gitleaks 7 writes "null" when it finds nothing
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      json.forEachElement(
          "a gitleaks report",
          (leak, line) -> {
            sink.recordRead();
            boolean v8 = leak.has("RuleID");
            String secret =
                v8
                    ? leak.path("Secret").asText(leak.path("Match").asText(""))
                    : leak.path("offender").asText("");
            String rule = v8 ? leak.path("RuleID").asText("") : leak.path("rule").asText("");
            String what = v8 ? leak.path("Description").asText(rule) : rule;
            String file = v8 ? leak.path("File").asText("") : leak.path("file").asText("");
            int start =
                v8 ? JsonFields.line(leak, "StartLine", 0) : JsonFields.line(leak, "lineNumber", 0);
            if (rule.isEmpty() || secret.isEmpty()) {
              throw json.errorAtLine(line, "leak without a rule or a secret");
            }
            String context = v8 ? leak.path("Match").asText("") : leak.path("line").asText("");
            String commit = v8 ? leak.path("Commit").asText("") : leak.path("commit").asText("");
            String author = v8 ? leak.path("Author").asText("") : leak.path("author").asText("");
            String date = v8 ? leak.path("Date").asText("") : leak.path("date").asText("");
            sink.accept(
                secretFinding(
                    "gitleaks",
                    rule,
                    what,
                    file,
                    start,
                    secret,
                    context,
                    commit,
                    author,
                    date,
                    Confidence.MEDIUM,
                    false));
          });
    }
  }

  /** A secret finding in the form every secrets importer gives it. */
  static RawFinding secretFinding(
      String tool,
      String rule,
      String what,
      String file,
      int line,
      String secret,
      String context,
      String commit,
      String author,
      String date,
      Confidence confidence,
      boolean verified) {
    List<String> secrets = List.of(secret);
    StringBuilder evidence = new StringBuilder();
    evidence.append(what).append(": ").append(Secrets.mask(secret));
    if (!context.isBlank()) {
      evidence.append("\nLine: ").append(Secrets.redact(context.strip(), secrets));
    }
    if (!commit.isBlank()) {
      evidence.append("\nCommit ").append(commit, 0, Math.min(12, commit.length()));
      if (!author.isBlank()) {
        evidence.append(" by ").append(author);
      }
      if (!date.isBlank()) {
        evidence.append(" on ").append(date);
      }
    }
    String where = file.isBlank() ? "the repository" : file;
    return RawFinding.builder("secret." + rule.toLowerCase(Locale.ROOT).replace(' ', '-'))
        .nativeRuleId(rule)
        .title((verified ? "Verified live secret" : "Secret") + " (" + what + ") in " + where)
        .description(
            Words.anyOne(what)
                + " credential ("
                + Secrets.mask(secret)
                + ") is committed in "
                + where
                + (commit.isBlank()
                    ? ""
                    : " (commit " + commit.substring(0, Math.min(12, commit.length())) + ")")
                + ". Rotate it, remove it from the code and history, and load it from the environment or a vault.")
        .category(Category.SECURITY)
        .severity(verified ? Severity.CRITICAL : Severity.HIGH)
        .confidence(verified ? Confidence.HIGH : confidence)
        .path(file.isBlank() ? null : file)
        .lines(line, line)
        .sourceLine(Secrets.hash(secret))
        .keyEvidence(Secrets.hash(secret))
        .evidence(Evidence.Kind.TEXT, evidence.toString())
        .cwe(798)
        .owasp("A07:2021")
        .defaultEffort(Effort.hours(4))
        .build();
  }
}
