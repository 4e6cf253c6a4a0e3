package dev.auditworkbench.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.model.Evidence;
import java.util.List;

/** JSON-in-a-column for the small lists a finding carries (evidence, CWE ids, tags). */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
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

  static List<Integer> ints(String json) {
    return read(json, INTS);
  }

  static List<String> strings(String json) {
    return read(json, STRINGS);
  }

  static List<Evidence> evidence(String json) {
    return read(json, EVIDENCE);
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("damaged JSON column: " + json, e);
    }
  }
}
