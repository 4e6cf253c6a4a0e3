package dev.auditworkbench.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathMapperTest {
  @TempDir Path repo;
  private PathMapper mapper;

  @BeforeEach
  void repoWithTwoFiles() throws Exception {
    Files.createDirectories(repo.resolve("shop/views"));
    Files.writeString(repo.resolve("shop/views/orders.py"), "x = 1\n");
    Files.writeString(repo.resolve("manage.py"), "x = 1\n");
    mapper = new PathMapper(repo);
  }

  @Test
  void absolutePathUnderTheRepoBecomesRelative() {
    assertEquals(
        new PathMapper.Mapped("shop/views/orders.py", true),
        mapper.map(repo.resolve("shop/views/orders.py").toString()));
  }

  @Test
  void windowsBackslashesAndDotPrefixAreNormalised() {
    assertEquals(
        new PathMapper.Mapped("shop/views/orders.py", true),
        mapper.map(".\\shop\\views\\orders.py"));
  }

  @Test
  void containerPrefixIsStrippedToTheLongestTailInTheRepo() {
    assertEquals(
        new PathMapper.Mapped("shop/views/orders.py", true),
        mapper.map("/src/app/shop/views/orders.py"));
    assertEquals(new PathMapper.Mapped("manage.py", true), mapper.map("/app/manage.py"));
  }

  @Test
  void fileUrisAreDecoded() {
    assertEquals(
        new PathMapper.Mapped("shop/views/orders.py", true),
        mapper.map("file:///home/ci/build/shop/views/orders.py"));
    assertEquals(
        new PathMapper.Mapped("shop/views/orders.py", true),
        mapper.map("file:///C:/work/client/shop/views/orders.py"));
  }

  @Test
  void aPathNotInTheRepoIsKeptAndFlagged() {
    assertEquals(
        new PathMapper.Mapped("vendor/lib/thing.py", false), mapper.map("./vendor/lib/thing.py"));
  }

  @Test
  void withoutARepoPathsAreNormalisedButNotInRepo() {
    assertEquals(
        new PathMapper.Mapped("dojo/benchmark/views.py", false),
        new PathMapper(null).map("dojo/benchmark\\views.py"));
  }

  /** A scanner's path, a "../" or a link that leads out of the repository never counts as in it. */
  @Test
  void pathsAndLinksLeadingOutOfTheRepoAreNotInIt(@TempDir Path elsewhere) throws Exception {
    Path outside = Files.writeString(elsewhere.resolve("secret.txt"), "PASSWORD = 'outside'\n");
    Files.createSymbolicLink(repo.resolve("leak.txt"), outside);
    Files.createSymbolicLink(repo.resolve("linked"), elsewhere);
    Files.createSymbolicLink(repo.resolve("inside.py"), repo.resolve("manage.py"));
    PathMapper fresh = new PathMapper(repo);
    assertEquals(false, fresh.map("leak.txt").inRepo());
    assertEquals(false, fresh.map("linked/secret.txt").inRepo());
    assertEquals(false, fresh.map(repo.resolve("leak.txt").toString()).inRepo());
    assertEquals(false, fresh.map("../" + elsewhere.getFileName() + "/secret.txt").inRepo());
    assertEquals(
        false, fresh.map(repo + "/../" + elsewhere.getFileName() + "/secret.txt").inRepo());
    assertEquals(false, fresh.map(outside.toString()).inRepo());
    assertEquals(false, fresh.map(outside.toUri().toString()).inRepo());
    assertEquals(
        new PathMapper.Mapped("inside.py", true),
        fresh.map("inside.py"),
        "a link inside the repo is followed");
  }
}
