package dev.auditworkbench.importers.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditworkbench.engine.spi.BadFieldException;

/** Typed reads of record fields that refuse what a field cannot mean instead of clamping it. */
public final class JsonFields {
  private JsonFields() {}

  /**
   * A line number: {@code dflt} when the field is absent or null; a whole number from 0 to ten
   * million otherwise; anything else (1e30, 2^31, -3, "abc", 3.5) is a {@link BadFieldException}
   * naming the field.
   */
  public static int line(JsonNode parent, String field, int dflt) {
    JsonNode v = parent.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return dflt;
    }
    if (v.isIntegralNumber() || v.isTextual()) {
      return BadFieldException.lineNumber(field, v.asText(), 0);
    }
    if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble())) {
      return BadFieldException.lineNumber(
          field,
          v.isBigDecimal()
              ? v.decimalValue().toPlainString()
              : String.valueOf((long) Math.min(Long.MAX_VALUE, v.asDouble())),
          0);
    }
    throw new BadFieldException(field, v.toString(), "a line number (0 to 10,000,000)", 0);
  }
}
