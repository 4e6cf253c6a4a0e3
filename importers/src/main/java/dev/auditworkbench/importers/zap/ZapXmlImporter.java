package dev.auditworkbench.importers.zap;

import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.importers.common.XmlInput;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** OWASP ZAP's XML report (OWASPZAPReport/site/alerts/alertitem), streamed with DTDs off. */
public final class ZapXmlImporter implements Importer {
  static final String FORMAT = "OWASP ZAP XML report";

  @Override
  public String id() {
    return "zap-xml";
  }

  @Override
  public String displayName() {
    return "OWASP ZAP XML";
  }

  @Override
  public String tool() {
    return "zap";
  }

  @Override
  public String description() {
    return "OWASP ZAP alerts (XML report) with their URLs, risk, confidence, CWE and WASC ids.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    return !sample.binary() && head.startsWith("<") && head.contains("<OWASPZAPReport") ? 0.97 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    XmlInput.parse(input, FORMAT, xml -> read(input.path(), xml, sink));
  }

  private static void read(Path file, XMLStreamReader xml, FindingSink sink)
      throws XMLStreamException, BadInputException {
    boolean root = false;
    String site = "";
    ZapAlert alert = null;
    String uri = "";
    String method = "";
    String param = "";
    String evidence = "";
    boolean inInstance = false;
    int falsePositives = 0;
    StringBuilder text = new StringBuilder();
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        text.setLength(0);
        switch (xml.getLocalName()) {
          case "OWASPZAPReport" -> {
            root = true;
            String v = xml.getAttributeValue(null, "version");
            if (v != null) {
              sink.toolVersion(v);
            }
          }
          case "site" -> site = String.valueOf(xml.getAttributeValue(null, "name"));
          case "alertitem" -> alert = new ZapAlert();
          case "instance" -> {
            inInstance = true;
            uri = method = param = evidence = "";
          }
          default -> {}
        }
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(xml.getText());
      } else if (event == XMLStreamConstants.END_ELEMENT && alert != null) {
        String value = text.toString().strip();
        String name = xml.getLocalName();
        if (inInstance) {
          switch (name) {
            case "uri" -> uri = value;
            case "method" -> method = value;
            case "param" -> param = value;
            case "evidence" -> evidence = value;
            case "instance" -> {
              alert.instances.add(new ZapAlert.Instance(uri, method, param, evidence));
              inInstance = false;
            }
            default -> {}
          }
        } else {
          switch (name) {
            case "pluginid" -> alert.pluginId = value;
            case "name" -> alert.name = value;
            case "alert" -> alert.name = alert.name.isEmpty() ? value : alert.name;
            case "riskcode" -> alert.risk = parseInt(value, -1);
            case "confidence" -> alert.confidence = parseInt(value, 2);
            case "desc" -> alert.description = value;
            case "solution" -> alert.solution = value;
            case "otherinfo" -> alert.otherInfo = value;
            case "reference" -> alert.reference = value;
            case "cweid" -> alert.cwe = parseInt(value, 0);
            case "wascid" -> alert.wasc = parseInt(value, 0);
            case "alertitem" -> {
              sink.recordRead();
              if (alert.isFalsePositive()) {
                falsePositives++;
              } else {
                sink.accept(alert.toFinding(site));
              }
              alert = null;
            }
            default -> {}
          }
        }
        text.setLength(0);
      }
    }
    if (!root) {
      throw BadInputException.whole(file, FORMAT, "no <OWASPZAPReport> element");
    }
    if (falsePositives > 0) {
      sink.warn(0, falsePositives + " alerts marked as false positives in ZAP were skipped");
    }
  }

  private static int parseInt(String s, int fallback) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
