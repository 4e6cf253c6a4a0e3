package dev.auditworkbench.engine.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated table bundled beside the class that reads it (unmaintained packages, known model
 * bases, the upgrade path's tables): blank lines and "#" comments are left out. A table that does
 * not match what its reader expects is a build error, said with the table's line.
 */
public final class BundledTable {
  /** One row: its line in the file and its columns. */
  public record Row(int line, String[] columns) {}

  private BundledTable() {}

  /**
   * The rows of {@code resource} beside {@code owner}; {@code header}: the first row names the
   * columns and is left out; {@code columns}: when positive, each row must have exactly that many.
   */
  public static List<Row> read(Class<?> owner, String resource, int columns, boolean header) {
    List<Row> out = new ArrayList<>();
    try (InputStream in = owner.getResourceAsStream(resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      boolean skipHeader = header;
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (skipHeader) {
          skipHeader = false;
          continue;
        }
        String[] c = line.split("\t");
        if (columns > 0 && c.length != columns) {
          throw new IllegalStateException(
              resource
                  + " line "
                  + n
                  + ": expected "
                  + columns
                  + " tab-separated columns, got "
                  + c.length);
        }
        out.add(new Row(n, c));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(resource + " is part of the build", e);
    }
    return out;
  }
}
