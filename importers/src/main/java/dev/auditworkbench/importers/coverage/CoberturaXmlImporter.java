package dev.auditworkbench.importers.coverage;

import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.importers.common.XmlInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Cobertura XML (coverage.py's {@code coverage xml}, pytest-cov, and most CI coverage tools): each
 * class element is a file, its line elements the statements, with hits and branch
 * condition-coverage. File names are relative to the first source folder.
 */
public final class CoberturaXmlImporter implements Importer {
  static final String FORMAT = "Cobertura coverage XML";
  private static final Pattern CONDITIONS = Pattern.compile("\\((\\d+)/(\\d+)\\)");

  @Override
  public String id() {
    return "cobertura-xml";
  }

  @Override
  public String displayName() {
    return "Cobertura XML";
  }

  @Override
  public String tool() {
    return "coverage.py";
  }

  @Override
  public String description() {
    return "Per-file test coverage in Cobertura XML (coverage xml, pytest-cov); large modules under 50% become findings.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    return !sample.binary()
            && head.startsWith("<")
            && head.contains("<coverage")
            && head.contains("line-rate")
        ? 0.95
        : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    XmlInput.parse(input, FORMAT, xml -> read(input.path(), xml, sink));
  }

  private static void read(Path file, XMLStreamReader xml, FindingSink sink)
      throws XMLStreamException, BadInputException {
    boolean root = false;
    List<String> sources = new ArrayList<>();
    String current = null;
    int statements = 0;
    int covered = 0;
    int branches = 0;
    int coveredBranches = 0;
    boolean inSource = false;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        switch (name) {
          case "coverage" -> {
            root = true;
            String version = xml.getAttributeValue(null, "version");
            if (version != null) {
              sink.toolVersion(version);
            }
          }
          case "source" -> inSource = true;
          case "class" -> {
            current = xml.getAttributeValue(null, "filename");
            statements = covered = branches = coveredBranches = 0;
          }
          case "line" -> {
            if (current != null) {
              statements++;
              String hits = xml.getAttributeValue(null, "hits");
              if (hits != null && !hits.equals("0")) {
                covered++;
              }
              String cond = xml.getAttributeValue(null, "condition-coverage");
              if (cond != null) {
                Matcher m = CONDITIONS.matcher(cond);
                if (m.find()) {
                  coveredBranches += Integer.parseInt(m.group(1));
                  branches += Integer.parseInt(m.group(2));
                }
              }
            }
          }
          default -> {}
        }
      } else if (event == XMLStreamConstants.CHARACTERS && inSource) {
        sources.add(xml.getText().strip());
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        String name = xml.getLocalName();
        if (name.equals("source")) {
          inSource = false;
        } else if (name.equals("class") && current != null) {
          sink.scanned(current);
          PoorCoverage.report(
              sink, "cobertura", current, statements, covered, branches, coveredBranches);
          current = null;
        }
      }
    }
    if (!root) {
      throw BadInputException.whole(file, FORMAT, "no <coverage> element");
    }
  }
}
