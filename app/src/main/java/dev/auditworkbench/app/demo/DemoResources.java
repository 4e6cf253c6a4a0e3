package dev.auditworkbench.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Copies a folder of the app's bundled resources (inside the jar or on disk) to a real folder. */
final class DemoResources {
  private DemoResources() {}

  /**
   * Copies resource folder {@code name} (e.g. "demo/ledgerly") to {@code target}; returns the
   * files, sorted.
   */
  static List<String> copyTree(String name, Path target) throws IOException {
    URI uri;
    try {
      var url = DemoResources.class.getResource("/" + name);
      if (url == null) {
        throw new IOException("the demo is not bundled with this build (no resource " + name + ")");
      }
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    if ("jar".equals(uri.getScheme())) {
      FileSystem fs = jarFileSystem(uri);
      return copy(fs.provider().getPath(uri), target);
    }
    return copy(Path.of(uri), target);
  }

  private static FileSystem jarFileSystem(URI uri) throws IOException {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      return FileSystems.getFileSystem(uri);
    }
  }

  private static List<String> copy(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path f : files) {
        String rel = source.relativize(f).toString().replace('\\', '/');
        Path out = target.resolve(rel);
        Files.createDirectories(out.getParent());
        Files.copy(f, out, StandardCopyOption.REPLACE_EXISTING);
      }
      return files.stream()
          .map(f -> source.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
