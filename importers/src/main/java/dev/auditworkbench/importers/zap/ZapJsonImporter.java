package dev.auditworkbench.importers.zap;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.importers.common.JsonInput;
import java.io.IOException;
import java.io.InputStream;

/** OWASP ZAP's JSON report ({"@version", "site": [{"@name", "alerts": [...]}]}). */
public final class ZapJsonImporter implements Importer {
  static final String FORMAT = "OWASP ZAP JSON report";

  @Override
  public String id() {
    return "zap-json";
  }

  @Override
  public String displayName() {
    return "OWASP ZAP JSON";
  }

  @Override
  public String tool() {
    return "zap";
  }

  @Override
  public String description() {
    return "OWASP ZAP alerts (JSON report) with their URLs, risk, confidence, CWE and WASC ids.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    return !sample.binary()
            && head.startsWith("{")
            && head.contains("\"site\"")
            && head.contains("\"alerts\"")
            && (head.contains("\"riskcode\"") || head.contains("\"@version\""))
        ? 0.95
        : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      if (json.next() != JsonToken.START_OBJECT) {
        throw json.error("a ZAP report is a JSON object");
      }
      boolean sawSite = false;
      int falsePositives = 0;
      while (json.next() == JsonToken.FIELD_NAME) {
        String field = json.parser().currentName();
        JsonToken value = json.next();
        if (field.equals("@version")) {
          sink.toolVersion(json.parser().getValueAsString());
        } else if (field.equals("site") && value == JsonToken.START_ARRAY) {
          sawSite = true;
          while (json.next() == JsonToken.START_OBJECT) {
            JsonNode site = json.readTree();
            for (JsonNode a : site.path("alerts")) {
              sink.recordRead();
              ZapAlert alert = alertOf(a);
              if (alert.isFalsePositive()) {
                falsePositives++;
              } else {
                sink.accept(alert.toFinding(site.path("@name").asText("")));
              }
            }
          }
        } else {
          json.skip();
        }
      }
      if (!sawSite) {
        throw json.error("no \"site\" array: not a ZAP report");
      }
      if (falsePositives > 0) {
        sink.warn(0, falsePositives + " alerts marked as false positives in ZAP were skipped");
      }
    }
  }

  private static ZapAlert alertOf(JsonNode a) {
    ZapAlert alert = new ZapAlert();
    alert.pluginId = a.path("pluginid").asText("");
    alert.name = a.path("name").asText(a.path("alert").asText(""));
    alert.risk = a.path("riskcode").asInt(-1);
    alert.confidence = a.path("confidence").asInt(2);
    alert.description = a.path("desc").asText("");
    alert.solution = a.path("solution").asText("");
    alert.otherInfo = a.path("otherinfo").asText("");
    alert.reference = a.path("reference").asText("");
    alert.cwe = a.path("cweid").asInt(0);
    alert.wasc = a.path("wascid").asInt(0);
    for (JsonNode i : a.path("instances")) {
      alert.instances.add(
          new ZapAlert.Instance(
              i.path("uri").asText(""),
              i.path("method").asText(""),
              i.path("param").asText(""),
              i.path("evidence").asText("")));
    }
    return alert;
  }
}
