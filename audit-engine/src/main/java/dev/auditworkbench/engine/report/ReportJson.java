package dev.auditworkbench.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The report model as JSON (the --json export, byte for byte) and its SHA-256, which the PDF and
 * HTML print in their appendix and PDF metadata: a client can export the JSON and check the report
 * was not altered.
 */
public final class ReportJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  public static byte[] bytes(ReportModel model) {
    try {
      return JSON.writeValueAsBytes(model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report model does not serialise: " + e.getMessage(), e);
    }
  }

  public static String sha256(ReportModel model) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(model)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
