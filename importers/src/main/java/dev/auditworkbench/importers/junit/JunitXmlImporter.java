package dev.auditworkbench.importers.junit;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.BadFieldException;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.importers.common.XmlInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JUnit XML (pytest --junitxml, Django test runners with xmlrunner, most CI systems): skipped tests
 * and failing or erroring tests become testing findings. The file comes from the testcase's file
 * attribute, else from its classname ("invoices.tests.InvoiceTotalsTest" is in invoices/tests.py).
 */
public final class JunitXmlImporter implements Importer {
  static final String FORMAT = "JUnit XML test report";

  @Override
  public String id() {
    return "junit-xml";
  }

  @Override
  public String displayName() {
    return "JUnit XML";
  }

  @Override
  public String tool() {
    return "junit";
  }

  @Override
  public String description() {
    return "Test results (pytest --junitxml and others): skipped, failing and erroring tests become findings.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    return !sample.binary()
            && head.startsWith("<")
            && (head.contains("<testsuite") || head.contains("<testsuites"))
            && head.contains("<testcase")
        ? 0.95
        : head.startsWith("<") && head.contains("<testsuite") ? 0.7 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    XmlInput.parse(input, FORMAT, xml -> read(input.path(), xml, sink));
  }

  private static void read(Path file, XMLStreamReader xml, FindingSink sink)
      throws XMLStreamException, BadInputException {
    boolean suite = false;
    String classname = null;
    String name = null;
    String caseFile = null;
    int caseLine = 0;
    String outcome = null;
    String message = "";
    StringBuilder text = new StringBuilder();
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (xml.getLocalName()) {
          case "testsuite", "testsuites" -> suite = true;
          case "testcase" -> {
            classname = attr(xml, "classname");
            name = attr(xml, "name");
            caseFile = attr(xml, "file");
            caseLine =
                attr(xml, "line").isEmpty()
                    ? 0
                    : BadFieldException.lineNumber(
                        "line", attr(xml, "line"), xml.getLocation().getLineNumber());
            outcome = null;
            message = "";
            text.setLength(0);
          }
          case "skipped", "failure", "error" -> {
            if (outcome == null || !outcome.equals("failure")) {
              outcome = xml.getLocalName();
              message = attr(xml, "message");
            }
            text.setLength(0);
          }
          default -> {}
        }
      } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
          && outcome != null) {
        if (text.length() < 4000) {
          text.append(xml.getText());
        }
      } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("testcase")) {
        sink.recordRead();
        if (outcome != null) {
          sink.accept(
              finding(classname, name, caseFile, caseLine, outcome, message, text.toString()));
        }
        classname = null;
        outcome = null;
      }
    }
    if (!suite) {
      throw BadInputException.whole(file, FORMAT, "no <testsuite> element");
    }
  }

  private static RawFinding finding(
      String classname,
      String name,
      String file,
      int line,
      String outcome,
      String message,
      String detail) {
    String test = (classname.isEmpty() ? "" : classname + ".") + name;
    String path = file.isEmpty() ? pathOf(classname) : file;
    boolean skipped = outcome.equals("skipped");
    String reason = message.isBlank() ? firstLine(detail) : message.strip();
    return RawFinding.builder(skipped ? "tests.skipped" : "tests.failing")
        .nativeRuleId(outcome)
        .title(
            (skipped
                    ? "Skipped test: "
                    : outcome.equals("error") ? "Erroring test: " : "Failing test: ")
                + test
                + (reason.isBlank()
                    ? ""
                    : " ("
                        + (reason.length() > 100 ? reason.substring(0, 97) + "..." : reason)
                        + ")"))
        .description(
            skipped
                ? test
                    + " does not run"
                    + (reason.isBlank() ? "." : ": " + reason)
                    + " What it should protect is unprotected."
                : test + " " + (outcome.equals("error") ? "errors" : "fails") + ": " + reason)
        .category(Category.TESTING)
        .severity(skipped ? Severity.LOW : Severity.MEDIUM)
        .confidence(Confidence.HIGH)
        .path(path)
        .lines(line, line)
        .symbol(test)
        .keyEvidence(test)
        .evidence(Evidence.Kind.TEXT, detail.isBlank() ? reason : detail.strip())
        .defaultEffort(Effort.hours(skipped ? 2 : 4))
        .build();
  }

  /**
   * "invoices.tests.InvoiceTotalsTest" is a class in invoices/tests.py; "invoices.tests" a module.
   */
  static String pathOf(String classname) {
    if (classname.isEmpty()) {
      return null;
    }
    String[] parts = classname.split("\\.");
    int end = parts.length;
    if (end > 1 && Character.isUpperCase(parts[end - 1].charAt(0))) {
      end--;
    }
    return String.join("/", Arrays.copyOf(parts, end)) + ".py";
  }

  private static String attr(XMLStreamReader xml, String name) {
    String v = xml.getAttributeValue(null, name);
    return v == null ? "" : v;
  }

  private static int parseInt(String s) {
    try {
      return s.isEmpty() ? 0 : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("");
  }
}
