package dev.auditworkbench.engine.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/** An input file being imported. The stream counts bytes for progress and checks for cancel. */
public interface ImportInput {
  Path path();

  /** Options the user gave for this import (for example an access log's layout), by name. */
  default Map<String, String> options() {
    return Map.of();
  }

  /** Opens the file for one streaming pass. The caller closes it. */
  InputStream open() throws IOException;
}
