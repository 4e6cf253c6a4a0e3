package dev.auditworkbench.importers.common;

import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.ImportInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streaming XML for importers, safe by construction: no DTD processing, no external entities, no
 * entity expansion. A document that declares entities fails with a clear error instead of being
 * resolved. Errors name the line and column.
 */
public final class XmlInput {
  private static final XMLInputFactory FACTORY = safeFactory();

  private XmlInput() {}

  private static XMLInputFactory safeFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  public static XMLStreamReader open(Path file, InputStream in, String format)
      throws BadInputException {
    try {
      return FACTORY.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw malformed(file, format, e);
    }
  }

  public static BadInputException malformed(Path file, String format, XMLStreamException e) {
    Location loc = e.getLocation();
    String reason =
        e.getMessage() == null
            ? "malformed XML"
            : e.getMessage()
                .replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
    return new BadInputException(
        file,
        loc == null ? 0 : loc.getLineNumber(),
        loc == null ? 0 : loc.getColumnNumber(),
        loc == null ? -1 : loc.getCharacterOffset(),
        format,
        "malformed or unsafe XML: " + reason.strip());
  }

  /** Reads a document that {@link #parse} opened. */
  @FunctionalInterface
  public interface DocumentReader {
    void read(XMLStreamReader xml) throws XMLStreamException, BadInputException;
  }

  /**
   * Opens the input with the safe factory, hands it to {@code reader}, and turns malformed XML into
   * a {@link BadInputException} naming the file, the line and column, and the format.
   */
  public static void parse(ImportInput input, String format, DocumentReader reader)
      throws IOException, BadInputException {
    try (InputStream in = input.open()) {
      XMLStreamReader xml = open(input.path(), in, format);
      try {
        reader.read(xml);
      } catch (XMLStreamException e) {
        throw malformed(input.path(), format, e);
      } finally {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // already failing or done
        }
      }
    }
  }
}
