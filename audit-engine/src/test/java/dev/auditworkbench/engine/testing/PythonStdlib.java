package dev.auditworkbench.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The standard library of this machine's python3: a large body of real Python for tests to read.
 */
public final class PythonStdlib {
  private PythonStdlib() {}

  public static Path folder() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new IOException("python3 could not name its standard library: " + out);
    }
    return Path.of(out);
  }
}
