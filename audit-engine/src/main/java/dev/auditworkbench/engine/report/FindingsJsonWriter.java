package dev.auditworkbench.engine.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.SourceRef;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The stable JSON form of findings (documented in docs/cli.md, "findings JSON schema"): an array of
 * objects whose keys are only ever added to, never renamed or removed.
 */
public final class FindingsJsonWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private FindingsJsonWriter() {}

  public static void write(List<Finding> findings, Writer out) throws IOException {
    try (Streaming s = open(out)) {
      for (Finding f : findings) {
        s.add(f);
      }
    }
  }

  /** Writes findings one at a time (the array is closed with {@link Streaming#close}). */
  public static Streaming open(Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.useDefaultPrettyPrinter();
    g.writeStartArray();
    return new Streaming(g, out);
  }

  /** An open array of findings. */
  public static final class Streaming implements AutoCloseable {
    private final JsonGenerator g;
    private final Writer out;

    private Streaming(JsonGenerator g, Writer out) {
      this.g = g;
      this.out = out;
    }

    public void add(Finding f) throws IOException {
      writeFinding(g, f);
    }

    @Override
    public void close() throws IOException {
      g.writeEndArray();
      g.close();
      out.write(System.lineSeparator());
    }
  }

  private static void writeFinding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("fingerprint", f.fingerprint());
    g.writeStringField("ruleId", f.ruleId());
    g.writeStringField("title", f.title());
    g.writeStringField("description", f.description());
    g.writeStringField("category", f.category().key());
    g.writeStringField("severity", f.severity().key());
    g.writeStringField("confidence", f.confidence().key());
    g.writeStringField("path", f.location().path());
    g.writeNumberField("line", f.location().startLine());
    g.writeNumberField("endLine", f.location().endLine());
    g.writeStringField("symbol", f.location().symbol());
    g.writeBooleanField("pathInRepo", f.location().inRepo());
    g.writeStringField("status", f.status().key());
    g.writeStringField("dismissReason", f.dismissReason() == null ? null : f.dismissReason().key());
    g.writeNumberField("impact", f.impact().value());
    g.writeBooleanField("impactOverridden", f.impactOverride() != null);
    g.writeStringField("effort", f.effort().size().name());
    g.writeNumberField("effortHours", f.effort().hours());
    g.writeBooleanField("effortOverridden", f.effortOverride() != null);
    g.writeArrayFieldStart("cwe");
    for (int cwe : f.cwe()) {
      g.writeNumber(cwe);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("owasp");
    for (String id : f.owasp()) {
      g.writeString(id);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("tags");
    for (String tag : f.tags()) {
      g.writeString(tag);
    }
    g.writeEndArray();
    g.writeStringField("notes", f.notes());
    g.writeArrayFieldStart("sources");
    for (SourceRef s : f.sources()) {
      g.writeStartObject();
      g.writeStringField("tool", s.tool());
      g.writeStringField("toolVersion", s.toolVersion());
      g.writeStringField("ruleId", s.nativeRuleId());
      g.writeNumberField("importId", s.lastImportId());
      g.writeNumberField("firstImportId", s.firstImportId());
      if (s.goneSinceImport() > 0) {
        g.writeNumberField("goneSinceImport", s.goneSinceImport());
      } else {
        g.writeNullField("goneSinceImport");
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("firstSeen", f.firstSeen().toString());
    g.writeStringField("lastSeen", f.lastSeen().toString());
    if (f.gone()) {
      g.writeNumberField("goneSinceImport", f.goneSinceImport());
    } else {
      g.writeNullField("goneSinceImport");
    }
    g.writeEndObject();
  }
}
