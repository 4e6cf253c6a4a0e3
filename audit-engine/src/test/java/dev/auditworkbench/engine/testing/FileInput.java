package dev.auditworkbench.engine.testing;

import dev.auditworkbench.engine.spi.ImportInput;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A plain file as an importer's input, for importer tests. */
public record FileInput(Path path, Map<String, String> options) implements ImportInput {
  public FileInput(Path path) {
    this(path, Map.of());
  }

  @Override
  public InputStream open() throws IOException {
    return new BufferedInputStream(Files.newInputStream(path));
  }
}
