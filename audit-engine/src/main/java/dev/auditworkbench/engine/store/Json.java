package dev.auditworkbench.engine.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.model.Evidence;
import java.util.List;

/** JSON-in-a-column for the small lists a finding carries (evidence, CWE ids, tags). */
final class Json {
  /**
   * Reads back what older versions stored without a size cap (a 21 MB message once made every
   * project command fail on Jackson's default 20 M-character limit).
   */
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
              .build());

  private static final TypeReference<List<Integer>> INTS = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {};

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value, e);
    }
  }

  /**
   * A list column; a damaged one reads as empty rather than making the whole project unreadable.
   */
  static List<Integer> ints(String json) {
    try {
      return read(json, INTS);
    } catch (IllegalStateException | IllegalArgumentException e) {
      return List.of();
    }
  }

  static List<String> strings(String json) {
    try {
      return read(json, STRINGS);
    } catch (IllegalStateException | IllegalArgumentException e) {
      return List.of();
    }
  }

  /**
   * A finding's evidence; a damaged column becomes one line saying so, never a project that cannot
   * open.
   */
  static List<Evidence> evidence(String json) {
    try {
      return read(json, EVIDENCE);
    } catch (IllegalStateException e) {
      return List.of(
          new Evidence(
              Evidence.Kind.TEXT,
              "[the stored evidence could not be read: "
                  + (e.getCause() == null
                      ? e.getMessage()
                      : e.getCause().getClass().getSimpleName())
                  + "]"));
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T read(String json, TypeReference<T> type) {
    if ("[]".equals(json)) {
      return (T) List.of(); // most findings' lists: no parser for them (500,000 findings, 4 each)
    }
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "damaged JSON column: "
              + (json == null ? "null" : json.substring(0, Math.min(200, json.length()))),
          e);
    }
  }
}
