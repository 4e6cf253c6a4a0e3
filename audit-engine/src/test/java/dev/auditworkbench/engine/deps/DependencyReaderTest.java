package dev.auditworkbench.engine.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.DjangoReleases;
import dev.auditworkbench.engine.repo.RepoWalker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyReaderTest {
  @TempDir Path repo;

  private List<String> read() throws Exception {
    return DependencyReader.read(repo, RepoWalker.walk(repo)).stream()
        .map(
            r ->
                r.name()
                    + "|"
                    + r.spec()
                    + "|"
                    + r.pinned()
                    + "|"
                    + r.path()
                    + ":"
                    + r.line()
                    + "|"
                    + r.source())
        .toList();
  }

  @Test
  void requirementsFilesWithIncludesExtrasMarkersAndComments() throws Exception {
    Files.createDirectories(repo.resolve("requirements"));
    Files.writeString(
        repo.resolve("requirements/base.txt"),
        "# core\nDjango==3.2.25  # LTS\nrequests[security]>=2.20 ; python_version >= '3.6'\n");
    Files.writeString(
        repo.resolve("requirements/prod.txt"), "-r base.txt\n-c ../constraints.txt\ngunicorn\n");
    Files.writeString(repo.resolve("constraints.txt"), "urllib3<2\n");
    List<String> reqs = read();
    assertTrue(
        reqs.contains("django|==3.2.25|3.2.25|requirements/base.txt:2|requirements"),
        reqs.toString());
    assertTrue(
        reqs.contains("requests|>=2.20|null|requirements/base.txt:3|requirements"),
        reqs.toString());
    assertTrue(
        reqs.contains("gunicorn||null|requirements/prod.txt:3|requirements"), reqs.toString());
    assertTrue(reqs.contains("urllib3|<2|null|constraints.txt:1|constraints"), reqs.toString());
    assertEquals(
        1,
        reqs.stream().filter(r -> r.startsWith("django|")).count(),
        "an included file is read once");
  }

  @Test
  void pyprojectPipfileLocksAndSetupFiles() throws Exception {
    Files.writeString(
        repo.resolve("pyproject.toml"),
        "[project]\nname = \"shop\"\ndependencies = [\"django>=4.2,<5\", \"celery==5.3.1\"]\n"
            + "[tool.poetry.dependencies]\npython = \"^3.10\"\nDjango-Money = \"3.1\"\nredis = {version = \"^4.0\"}\n");
    Files.writeString(
        repo.resolve("Pipfile"), "[packages]\nrequests = \"*\"\nsqlparse = \"==0.4.4\"\n");
    Files.writeString(
        repo.resolve("Pipfile.lock"),
        "{\"default\": {\"django\": {\"version\": \"==4.2.7\"}}, \"develop\": {}}");
    Files.writeString(
        repo.resolve("poetry.lock"), "[[package]]\nname = \"asgiref\"\nversion = \"3.7.2\"\n");
    Files.writeString(
        repo.resolve("setup.cfg"), "[options]\ninstall_requires =\n    psycopg2>=2.8\n    pytz\n");
    Files.writeString(
        repo.resolve("setup.py"),
        "from setuptools import setup\nsetup(name='x', install_requires=['six>=1.0', \"attrs\"])\n");
    List<String> reqs = read();
    assertTrue(reqs.contains("django|>=4.2,<5|null|pyproject.toml:3|pyproject"), reqs.toString());
    assertTrue(reqs.contains("celery|==5.3.1|5.3.1|pyproject.toml:3|pyproject"), reqs.toString());
    assertTrue(reqs.contains("django-money|3.1|3.1|pyproject.toml:6|pyproject"), reqs.toString());
    assertTrue(reqs.contains("redis|^4.0|null|pyproject.toml:7|pyproject"), reqs.toString());
    assertTrue(reqs.contains("requests||null|Pipfile:2|pipfile"), reqs.toString());
    assertTrue(reqs.contains("sqlparse|==0.4.4|0.4.4|Pipfile:3|pipfile"), reqs.toString());
    assertTrue(reqs.contains("django|==4.2.7|4.2.7|Pipfile.lock:1|lock"), reqs.toString());
    assertTrue(reqs.contains("asgiref|==3.7.2|3.7.2|poetry.lock:2|lock"), reqs.toString());
    assertTrue(reqs.contains("psycopg2|>=2.8|null|setup.cfg:3|setup"), reqs.toString());
    assertTrue(reqs.contains("six|>=1.0|null|setup.py:2|setup"), reqs.toString());
    assertTrue(reqs.contains("attrs||null|setup.py:2|setup"), reqs.toString());
  }

  @Test
  void djangoSupportFollowsTheRoadmap() {
    LocalDate day = LocalDate.of(2026, 11, 24);
    assertFalse(DjangoReleases.of("3.2.25").orElseThrow().supportedOn(day));
    assertFalse(
        DjangoReleases.of("4.2.16").orElseThrow().supportedOn(day), "4.2 LTS ended April 2026");
    assertTrue(DjangoReleases.of("5.2").orElseThrow().supportedOn(day));
    assertEquals("5.2", DjangoReleases.currentLts(day).version());
    assertEquals(
        List.of("4.2", "5.2"),
        DjangoReleases.ltsPath("3.2", DjangoReleases.currentLts(day)).stream()
            .map(DjangoReleases.Series::version)
            .toList());
    assertTrue(DjangoReleases.of("4.2").orElseThrow().supportedOn(LocalDate.of(2026, 4, 30)));
  }
}
