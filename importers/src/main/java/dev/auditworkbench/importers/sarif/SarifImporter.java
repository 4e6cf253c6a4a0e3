package dev.auditworkbench.importers.sarif;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.importers.common.JsonFields;
import dev.auditworkbench.importers.common.JsonInput;
import dev.auditworkbench.importers.common.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 as a generic format (CodeQL, ruff, bandit's and semgrep's SARIF, gitleaks, trivy...).
 * Every run's results are read as a stream; rules come from tool.driver and tool.extensions;
 * severity from the rule's security-severity when given, else the result's level (or the rule's
 * default level, else "warning"). Results that are suppressed (any suppression that is not
 * rejected), absent from the baseline, or not a failure (kind pass, notApplicable, informational)
 * are counted and skipped. The rule key is "&lt;tool&gt;.&lt;rule id&gt;", so bandit's SARIF and
 * bandit's JSON give the same fingerprints.
 */
public final class SarifImporter implements Importer {
  static final String FORMAT = "SARIF 2.1.0 (JSON)";

  @Override
  public String id() {
    return "sarif";
  }

  @Override
  public String displayName() {
    return "SARIF 2.1.0";
  }

  @Override
  public String tool() {
    return "sarif";
  }

  @Override
  public String description() {
    return "Static Analysis Results Interchange Format from any tool (CodeQL, ruff, bandit, semgrep...);"
        + " suppressions and baseline state honoured.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    if (sample.binary() || !head.startsWith("{")) {
      return 0;
    }
    boolean schema =
        head.contains("sarif-schema") || head.contains("/sarif-2") || head.contains("sarif-spec");
    boolean version = head.matches("(?s).*\"version\"\\s*:\\s*\"2\\.1\\.0\".*");
    boolean runs = head.contains("\"runs\"");
    if (runs && (schema || version)) {
      return 0.97;
    }
    return runs && head.contains("\"tool\"") && head.contains("\"driver\"") ? 0.8 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      if (json.next() != JsonToken.START_OBJECT) {
        throw json.error("a SARIF log is a JSON object");
      }
      boolean sawRuns = false;
      Counts counts = new Counts();
      while (json.next() == JsonToken.FIELD_NAME) {
        String field = json.parser().currentName();
        JsonToken value = json.next();
        if (field.equals("version")) {
          String v = json.parser().getValueAsString();
          if (!"2.1.0".equals(v)) {
            throw json.error("SARIF version " + v + " is not supported (only 2.1.0)");
          }
        } else if (field.equals("runs") && value == JsonToken.START_ARRAY) {
          sawRuns = true;
          while (json.next() == JsonToken.START_OBJECT) {
            readRun(json, sink, counts);
          }
        } else {
          json.skip();
        }
      }
      if (!sawRuns) {
        throw json.error("no \"runs\" array: not a SARIF log");
      }
      counts.report(sink);
    }
  }

  /** Results skipped on purpose, reported once at the end. */
  private static final class Counts {
    int suppressed;
    int absent;
    int notFailures;

    void report(FindingSink sink) {
      if (suppressed > 0) {
        sink.warn(0, suppressed + " suppressed results were skipped (suppressions are honoured)");
      }
      if (absent > 0) {
        sink.warn(0, absent + " results with baselineState \"absent\" were skipped");
      }
      if (notFailures > 0) {
        sink.warn(
            0, notFailures + " results of kind pass/notApplicable/informational were skipped");
      }
    }
  }

  /** What a run says about its tool, rules and base URIs. */
  private static final class Run {
    String tool = "sarif";
    final List<JsonNode> rules = new ArrayList<>();
    final Map<String, JsonNode> rulesById = new HashMap<>();
    final Map<String, String> baseUris = new HashMap<>();
    final List<String> artifactUris = new ArrayList<>();
  }

  private static void readRun(JsonInput json, FindingSink sink, Counts counts)
      throws IOException, BadInputException {
    Run run = new Run();
    List<JsonNode> early = new ArrayList<>(); // results written before the tool (allowed, rare)
    boolean toolSeen = false;
    while (json.next() == JsonToken.FIELD_NAME) {
      String field = json.parser().currentName();
      JsonToken value = json.next();
      switch (field) {
        case "tool" -> {
          readTool(json.readTree(), run, sink);
          toolSeen = true;
          for (JsonNode r : early) {
            result(json, r, 0, run, sink, counts);
          }
          early.clear();
        }
        case "originalUriBaseIds" ->
            json.readTree()
                .fields()
                .forEachRemaining(
                    e -> run.baseUris.put(e.getKey(), e.getValue().path("uri").asText("")));
        case "artifacts" ->
            json.readTree()
                .forEach(a -> run.artifactUris.add(a.path("location").path("uri").asText("")));
        case "results" -> {
          if (value != JsonToken.START_ARRAY) {
            json.skip();
            continue;
          }
          while (json.next() == JsonToken.START_OBJECT) {
            long line = json.line();
            JsonNode r = json.readTree();
            if (toolSeen) {
              result(json, r, line, run, sink, counts);
            } else {
              early.add(r);
            }
          }
        }
        default -> json.skip();
      }
    }
    for (JsonNode r : early) {
      result(json, r, 0, run, sink, counts);
    }
  }

  private static void readTool(JsonNode tool, Run run, FindingSink sink) {
    JsonNode driver = tool.path("driver");
    String name = driver.path("name").asText("sarif").strip();
    run.tool = name.toLowerCase(Locale.ROOT).replace(' ', '-');
    sink.tool(run.tool);
    String version = driver.path("semanticVersion").asText(driver.path("version").asText(""));
    if (!version.isEmpty()) {
      sink.toolVersion(version);
    }
    addRules(driver, run);
    tool.path("extensions").forEach(ext -> addRules(ext, run));
  }

  private static void addRules(JsonNode component, Run run) {
    for (JsonNode rule : component.path("rules")) {
      run.rules.add(rule);
      run.rulesById.putIfAbsent(rule.path("id").asText(""), rule);
    }
  }

  private static void result(
      JsonInput json, JsonNode r, long line, Run run, FindingSink sink, Counts counts)
      throws BadInputException {
    sink.recordRead();
    String kind = r.path("kind").asText("fail");
    if (!kind.equals("fail") && !kind.equals("review") && !kind.equals("open")) {
      counts.notFailures++;
      return;
    }
    if (isSuppressed(r)) {
      counts.suppressed++;
      return;
    }
    if (r.path("baselineState").asText("").equals("absent")) {
      counts.absent++;
      return;
    }
    JsonNode rule = ruleOf(r, run);
    String ruleId =
        r.path("ruleId").asText(rule.path("id").asText(r.path("rule").path("id").asText("")));
    if (ruleId.isEmpty()) {
      // ruleId is optional in SARIF (gitleaks 7 writes none): the run's rule whose id the message
      // starts with ("AWS Access Key secret detected"), else a stable key from what the message
      // says
      String text = messageOf(r, rule);
      JsonNode named = ruleNamedBy(text, run);
      if (!named.isMissingNode()) {
        rule = named;
        ruleId = named.path("id").asText();
      } else {
        ruleId = messageKey(text);
      }
      if (ruleId.isEmpty()) {
        throw json.errorAtLine(line, "result without a ruleId, a rule or a message");
      }
    }
    JsonNode physical = r.path("locations").path(0).path("physicalLocation");
    JsonNode region = physical.path("region");
    String message = messageOf(r, rule);
    String snippet = region.path("snippet").path("text").asText("");
    String context = physical.path("contextRegion").path("snippet").path("text").asText("");
    int start = JsonFields.line(region, "startLine", 0);
    RawFinding.Builder b =
        RawFinding.builder(run.tool + "." + ruleId)
            .nativeRuleId(ruleId)
            .title(ruleTitle(rule, ruleId) + ": " + firstLine(message))
            .description(message + helpOf(rule))
            .category(categoryOf(rule))
            .severity(severityOf(r, rule))
            .confidence(confidenceOf(rule))
            .path(uriOf(physical.path("artifactLocation"), run))
            .lines(start, JsonFields.line(region, "endLine", start))
            .sourceLine(anchor(snippet, r))
            .evidence(Evidence.Kind.CODE, context.isBlank() ? snippet : context);
    JsonNode props = rule.path("properties");
    List<Integer> cwes = Taxonomy.cwes(props.path("tags"));
    Taxonomy.cwes(props.path("cwe"))
        .forEach(
            c -> {
              if (!cwes.contains(c)) {
                cwes.add(c);
              }
            });
    r.path("taxa")
        .forEach(
            t ->
                Taxonomy.cwes(t.path("id"))
                    .forEach(
                        c -> {
                          if (!cwes.contains(c)) {
                            cwes.add(c);
                          }
                        }));
    // rules[].relationships to a CWE taxonomy (flawfinder, CodeQL): target.id "89" or "CWE-89"
    rule.path("relationships")
        .forEach(
            rel -> {
              JsonNode target = rel.path("target");
              String taxonomy = target.path("toolComponent").path("name").asText("");
              String id = target.path("id").asText("");
              List<Integer> found =
                  taxonomy.equalsIgnoreCase("CWE") && id.matches("\\d{1,4}")
                      ? List.of(Integer.parseInt(id))
                      : Taxonomy.cwes(target.path("id"));
              found.forEach(
                  c -> {
                    if (!cwes.contains(c)) {
                      cwes.add(c);
                    }
                  });
            });
    Taxonomy.apply(b, cwes, Taxonomy.owasp2021(props.path("tags")));
    sink.accept(b.build());
  }

  private static boolean isSuppressed(JsonNode r) {
    for (JsonNode s : r.path("suppressions")) {
      if (!s.path("status").asText("accepted").equals("rejected")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A rule key from a message, for results without a rule: the first line with numbers, quoted text
   * and paths taken out, so "AWS Access Key secret detected in a.py:3" and the same in b.py share
   * it.
   */
  static String messageKey(String message) {
    String first = message.strip().lines().findFirst().orElse("");
    String key =
        first
            .replaceAll("'[^']*'|\"[^\"]*\"|`[^`]*`", "")
            .replaceAll("\\S*[/\\\\]\\S*", "")
            .replaceAll("\\d+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z]+", "-")
            .replaceAll("^-+|-+$", "");
    return key.length() > 60 ? key.substring(0, 60) : key;
  }

  /** The rule whose id (or name) begins the message, the longest such; missing when none does. */
  private static JsonNode ruleNamedBy(String message, Run run) {
    JsonNode best = MissingNode.getInstance();
    int bestLength = 0;
    for (JsonNode rule : run.rules) {
      for (String key : List.of(rule.path("id").asText(""), rule.path("name").asText(""))) {
        if (key.length() > bestLength && message.startsWith(key)) {
          best = rule;
          bestLength = key.length();
        }
      }
    }
    return best;
  }

  private static JsonNode ruleOf(JsonNode r, Run run) {
    int index = r.path("ruleIndex").asInt(r.path("rule").path("index").asInt(-1));
    if (index >= 0 && index < run.rules.size()) {
      return run.rules.get(index);
    }
    String id = r.path("ruleId").asText(r.path("rule").path("id").asText(""));
    JsonNode byId = run.rulesById.get(id);
    if (byId == null && id.contains("/")) {
      byId = run.rulesById.get(id.substring(0, id.indexOf('/'))); // hierarchical ids: "C2001/1"
    }
    return byId == null ? MissingNode.getInstance() : byId;
  }

  private static String messageOf(JsonNode r, JsonNode rule) {
    JsonNode m = r.path("message");
    String text = m.path("text").asText("");
    if (text.isEmpty()) {
      text = m.path("markdown").asText("");
    }
    if (text.isEmpty() && m.has("id")) {
      text = rule.path("messageStrings").path(m.path("id").asText()).path("text").asText("");
    }
    JsonNode args = m.path("arguments");
    for (int i = 0; i < args.size(); i++) {
      text = text.replace("{" + i + "}", args.get(i).asText());
    }
    if (text.isEmpty()) {
      text = rule.path("shortDescription").path("text").asText(rule.path("id").asText(""));
    }
    // "[text](1)" links to related locations read as their text
    return text.replaceAll("\\[([^\\]]*)\\]\\(\\d+\\)", "$1").strip();
  }

  private static String helpOf(JsonNode rule) {
    String help =
        rule.path("help").path("text").asText(rule.path("fullDescription").path("text").asText(""));
    String uri = rule.path("helpUri").asText("");
    StringBuilder sb = new StringBuilder();
    if (!help.isBlank()) {
      sb.append("\n\n").append(help.strip());
    }
    if (!uri.isEmpty()) {
      sb.append("\n\nMore info: ").append(uri);
    }
    return sb.toString();
  }

  private static String ruleTitle(JsonNode rule, String ruleId) {
    String name = rule.path("name").asText("");
    return name.isEmpty() || name.equals(ruleId) ? ruleId : ruleId + " " + name;
  }

  static Severity severityOf(JsonNode r, JsonNode rule) {
    String sec = rule.path("properties").path("security-severity").asText("");
    if (!sec.isEmpty()) {
      try {
        double score = Double.parseDouble(sec);
        return score >= 9
            ? Severity.CRITICAL
            : score >= 7
                ? Severity.HIGH
                : score >= 4 ? Severity.MEDIUM : score > 0 ? Severity.LOW : Severity.INFO;
      } catch (NumberFormatException e) {
        Severity word =
            switch (sec.toUpperCase(Locale.ROOT)) {
              case "CRITICAL" -> Severity.CRITICAL;
              case "HIGH" -> Severity.HIGH;
              case "MEDIUM" -> Severity.MEDIUM;
              case "LOW" -> Severity.LOW;
              default -> null;
            };
        if (word != null) {
          return word;
        }
      }
    }
    String level =
        r.path("level").asText(rule.path("defaultConfiguration").path("level").asText("warning"));
    return switch (level) {
      case "error" -> Severity.HIGH;
      case "note" -> Severity.LOW;
      case "none" -> Severity.INFO;
      default -> Severity.MEDIUM;
    };
  }

  private static Confidence confidenceOf(JsonNode rule) {
    String precision = rule.path("properties").path("precision").asText("");
    return switch (precision) {
      case "very-high", "high" -> Confidence.HIGH;
      case "low" -> Confidence.LOW;
      default -> Confidence.MEDIUM;
    };
  }

  private static Category categoryOf(JsonNode rule) {
    StringBuilder tags = new StringBuilder();
    rule.path("properties")
        .path("tags")
        .forEach(t -> tags.append(t.asText().toLowerCase(Locale.ROOT)).append(' '));
    String t = tags.toString();
    if (t.contains("security") || t.contains("cwe")) {
      return Category.SECURITY;
    }
    if (t.contains("performance")) {
      return Category.PERFORMANCE;
    }
    return t.isBlank() ? Category.SECURITY : Category.MAINTAINABILITY;
  }

  /**
   * The artifact's URI with its uriBaseId resolved (or the artifacts table when only an index is
   * given).
   */
  private static String uriOf(JsonNode artifact, Run run) {
    String uri = artifact.path("uri").asText("");
    if (uri.isEmpty() && artifact.has("index")) {
      int i = artifact.path("index").asInt();
      uri = i >= 0 && i < run.artifactUris.size() ? run.artifactUris.get(i) : "";
    }
    String base = run.baseUris.get(artifact.path("uriBaseId").asText(""));
    if (base != null && !base.isEmpty() && !uri.contains("://") && !uri.startsWith("/")) {
      uri = base.endsWith("/") ? base + uri : base + "/" + uri;
    }
    return uri.isEmpty()
        ? null
        : URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The flagged line from the snippet, else the tool's own line hash (survives shifts too). */
  private static String anchor(String snippet, JsonNode r) {
    if (!snippet.isBlank()) {
      for (String l : snippet.split("\n")) {
        if (!l.isBlank()) {
          return l;
        }
      }
    }
    String hash = r.path("partialFingerprints").path("primaryLocationLineHash").asText("");
    if (!hash.isEmpty()) {
      return "hash:" + hash.replaceAll(":\\d+$", "");
    }
    return null;
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl);
    return first.length() > 160 ? first.substring(0, 157) + "..." : first;
  }
}
