package dev.auditworkbench.engine.upgrade;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Python versions each Django series supports ({@code django-python.tsv}, with its sources).
 */
public final class PythonSupport {
  /** Oldest and newest Python a Django series supports. */
  public record Range(String min, String max) {
    public boolean contains(String python) {
      String s = Versions.series(python);
      return Versions.compare(s, min) >= 0 && Versions.compare(s, max) <= 0;
    }
  }

  private static final Map<String, Range> TABLE = load();

  private PythonSupport() {}

  public static Optional<Range> of(String djangoSeries) {
    return Optional.ofNullable(TABLE.get(Versions.series(djangoSeries)));
  }

  private static Map<String, Range> load() {
    Map<String, Range> out = new LinkedHashMap<>();
    try (InputStream in = PythonSupport.class.getResourceAsStream("django-python.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t");
        out.put(c[0], new Range(c[1], c[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
