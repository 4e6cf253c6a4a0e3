package dev.auditworkbench.importers.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.spi.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Streaming JSON for importers: one {@link JsonParser} over the input, with malformed JSON turned
 * into a {@link BadInputException} that names the line, column and byte offset.
 */
public final class JsonInput implements AutoCloseable {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build());

  private final Path file;
  private final String format;
  private final JsonParser parser;

  public JsonInput(Path file, InputStream in, String format) throws IOException {
    this.file = file;
    this.format = format;
    this.parser = MAPPER.createParser(in);
  }

  public JsonParser parser() {
    return parser;
  }

  /** The next token, or a bad-input error if the JSON is malformed or ends early. */
  public JsonToken next() throws IOException, BadInputException {
    try {
      return parser.nextToken();
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  /** Reads the value at the current token as a tree (for one record of a large array). */
  public JsonNode readTree() throws IOException, BadInputException {
    try {
      return MAPPER.readTree(parser);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  /** Skips the value at the current token (and its children). */
  public void skip() throws IOException, BadInputException {
    try {
      parser.skipChildren();
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  /** A bad-input error at the parser's current position. */
  public BadInputException error(String reason) {
    return at(parser.currentTokenLocation(), reason);
  }

  /** A bad-input error about the record that starts at {@code line}. */
  public BadInputException errorAtLine(long line, String reason) {
    return BadInputException.atLine(file, line, format, reason);
  }

  public BadInputException malformed(JsonProcessingException e) {
    JsonLocation loc = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    String reason = e.getOriginalMessage();
    int cut = reason.indexOf('\n');
    if (cut > 0) {
      reason = reason.substring(0, cut);
    }
    return at(loc, "malformed JSON: " + reason);
  }

  private BadInputException at(JsonLocation loc, String reason) {
    return new BadInputException(
        file, loc.getLineNr(), loc.getColumnNr(), loc.getByteOffset(), format, reason);
  }

  /** Element handler for {@link #forEachElement}. */
  @FunctionalInterface
  public interface ElementHandler {
    void handle(JsonNode element, long line) throws BadInputException;
  }

  /**
   * Reads a top-level JSON array one element at a time (the whole input is the array, as in
   * pylint's and gitleaks' reports). Returns how many elements there were.
   */
  public long forEachElement(String what, ElementHandler handler)
      throws IOException, BadInputException {
    JsonToken first = next();
    if (first == JsonToken.VALUE_NULL) {
      return 0; // some tools write "null" for "nothing found"
    }
    if (first != JsonToken.START_ARRAY) {
      throw error(what + " is a JSON array");
    }
    long n = 0;
    while (next() == JsonToken.START_OBJECT) {
      long line = line();
      handler.handle(readTree(), line);
      n++;
    }
    if (parser.currentToken() != JsonToken.END_ARRAY) {
      throw error("every entry of " + what + " must be an object");
    }
    return n;
  }

  public long line() {
    return parser.currentTokenLocation().getLineNr();
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
