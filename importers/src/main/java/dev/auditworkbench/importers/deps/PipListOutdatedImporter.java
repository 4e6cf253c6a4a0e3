package dev.auditworkbench.importers.deps;

import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.importers.common.JsonInput;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code pip list --outdated --format=json} from the client's environment: each installed package
 * that has a newer release, with both versions. Nothing here is a finding by itself; joined with
 * the repository's declared dependencies (after this import and after every scan) it becomes one
 * "outdated dependency" finding per declared package, at the line that declares it.
 */
public final class PipListOutdatedImporter implements Importer {
  static final String FORMAT = "pip list --outdated JSON (pip list --outdated --format=json)";

  @Override
  public String id() {
    return "pip-outdated-json";
  }

  @Override
  public String displayName() {
    return "pip list --outdated JSON";
  }

  @Override
  public String tool() {
    return "pip";
  }

  @Override
  public String description() {
    return "Installed packages with a newer release (pip list --outdated --format=json): outdated declared dependencies,"
        + " at the line that declares them.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    return !sample.binary()
            && head.startsWith("[")
            && head.contains("\"latest_version\"")
            && head.contains("\"name\"")
            && head.contains("\"version\"")
        ? 0.95
        : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      json.forEachElement(
          "a pip list --outdated report",
          (entry, line) -> {
            sink.recordRead();
            String name = entry.path("name").asText("");
            String version = entry.path("version").asText("");
            String latest = entry.path("latest_version").asText("");
            if (name.isEmpty() || version.isEmpty() || latest.isEmpty()) {
              throw json.errorAtLine(line, "entry without name, version and latest_version");
            }
            sink.packageRelease(name, version, latest);
          });
    }
  }
}
