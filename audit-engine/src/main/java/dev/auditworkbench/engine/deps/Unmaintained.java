package dev.auditworkbench.engine.deps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The bundled table of unmaintained or superseded packages ({@code unmaintained.tsv}). */
public final class Unmaintained {
  /**
   * One package: the last Django series it can run with (null when it does not block an upgrade),
   * what replaces it and why.
   */
  public record Package(String name, String lastDjango, String replacement, String reason) {
    /** True when the package cannot run with Django {@code series} ("5.2"). */
    public boolean blocks(String series) {
      return lastDjango != null && compare(series, lastDjango) > 0;
    }
  }

  private static final Map<String, Package> TABLE = load();

  private Unmaintained() {}

  public static Optional<Package> of(String name) {
    return Optional.ofNullable(TABLE.get(Requirement.canonical(name)));
  }

  public static int size() {
    return TABLE.size();
  }

  /** Compares dotted versions number by number ("1.10" is after "1.9"). */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i].replaceAll("\\D.*$", "0")) : 0;
      int q = i < y.length ? Integer.parseInt(y[i].replaceAll("\\D.*$", "0")) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static Map<String, Package> load() {
    Map<String, Package> out = new LinkedHashMap<>();
    try (InputStream in = Unmaintained.class.getResourceAsStream("unmaintained.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        if (cols.length != 4) {
          throw new IllegalStateException(
              "unmaintained.tsv line "
                  + n
                  + ": expected 4 tab-separated columns, got "
                  + cols.length);
        }
        out.put(
            Requirement.canonical(cols[0]),
            new Package(cols[0], cols[1].equals("-") ? null : cols[1], cols[2], cols[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
