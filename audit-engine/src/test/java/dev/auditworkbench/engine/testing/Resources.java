package dev.auditworkbench.engine.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test resources as files. */
public final class Resources {
  private Resources() {}

  public static Path path(Class<?> anchor, String name) {
    URL url = anchor.getResource(name.startsWith("/") ? name : "/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
