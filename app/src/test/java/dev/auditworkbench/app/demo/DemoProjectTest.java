package dev.auditworkbench.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.triage.TriageCommand;
import dev.auditworkbench.engine.triage.TriageEdit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoProjectTest {
  @TempDir static Path dir;
  static DemoProject.Created demo;

  @BeforeAll
  static void createDemo() throws Exception {
    demo = DemoProject.create(dir.resolve("one/demo.audit"), false, ProgressListener.NONE);
  }

  private static List<RevCommit> history(Path repo) throws Exception {
    try (Git git = Git.open(repo.toFile())) {
      List<RevCommit> out = new ArrayList<>();
      git.log().call().forEach(out::add);
      return out;
    }
  }

  @Test
  void repositoryHeadIsExactlyTheBundledDemoAndTheTreeIsClean() throws Exception {
    try (Git git = Git.open(demo.repo().toFile())) {
      assertTrue(git.status().call().isClean(), "working tree equals HEAD");
    }
    Path bundled = Path.of(DemoProjectTest.class.getResource("/demo/ledgerly").toURI());
    for (String f :
        List.of("invoices/models.py", "ledgerly/settings/prod.py", ".env", ".gitignore")) {
      assertEquals(
          Files.readString(bundled.resolve(f)), Files.readString(demo.repo().resolve(f)), f);
    }
  }

  @Test
  void historyIsTheSameCommitsEveryTime() throws Exception {
    DemoProject.Created again =
        DemoProject.create(dir.resolve("two/demo.audit"), false, ProgressListener.NONE);
    List<RevCommit> first = history(demo.repo());
    List<RevCommit> second = history(again.repo());
    assertEquals(first.get(0).getId(), second.get(0).getId());
    assertEquals(first.size(), second.size());
  }

  @Test
  void historySpansTwoYearsWithSeveralAuthorsAndOneOwnerOfTheCore() throws Exception {
    List<RevCommit> commits = history(demo.repo());
    assertTrue(commits.size() > 80, "commits: " + commits.size());
    var newest = commits.get(0).getAuthorIdent().getWhenAsInstant();
    var oldest = commits.get(commits.size() - 1).getAuthorIdent().getWhenAsInstant();
    assertTrue(
        Duration.between(oldest, newest).toDays() > 600,
        "days: " + Duration.between(oldest, newest).toDays());
    Set<String> authors =
        commits.stream()
            .map(c -> c.getAuthorIdent().getName())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(5, authors.size(), authors.toString());

    int coreCommits = 0;
    int byMartin = 0;
    try (Git git = Git.open(demo.repo().toFile())) {
      for (RevCommit c : git.log().addPath("invoices/models.py").call()) {
        coreCommits++;
        if (c.getAuthorIdent().getName().equals("Martin Keller")) {
          byMartin++;
        }
      }
    }
    assertTrue(coreCommits >= 30, "invoices/models.py commits: " + coreCommits);
    assertTrue(
        byMartin * 100 / coreCommits >= 75, byMartin + " of " + coreCommits + " by the core owner");
  }

  @Test
  void banditCaptureIsImportedWithRepoRelativePathsThatExist() throws Exception {
    assertFalse(demo.imported().isEmpty());
    try (ProjectStore store = ProjectStore.open(demo.project())) {
      List<Finding> findings =
          store.read(c -> new FindingRepository(c).all()).stream()
              .filter(f -> f.sources().stream().anyMatch(s -> s.tool().equals("bandit")))
              .toList();
      assertFalse(findings.isEmpty());
      for (Finding f : findings) {
        assertTrue(f.location().inRepo(), f.location().display());
        assertTrue(
            Files.isRegularFile(demo.repo().resolve(f.location().path())), f.location().display());
      }
      // Where bandit's source sits (some of its results merge with the scan's own finding of the
      // same CWE).
      // One bandit source names every bandit rule that reported the finding ("B703, B308").
      Set<String> places =
          findings.stream()
              .flatMap(
                  f ->
                      f.sources().stream()
                          .filter(s -> s.tool().equals("bandit"))
                          .flatMap(
                              s ->
                                  Arrays.stream(s.nativeRuleId().split(", "))
                                      .map(r -> r + " " + f.location().display())))
              .collect(Collectors.toSet());
      assertTrue(
          places.contains("B703 invoices/templatetags/invoice_tags.py:10"), places.toString());
      assertTrue(
          places.contains("B308 invoices/templatetags/invoice_tags.py:10"), places.toString());
      assertTrue(places.contains("B610 reports/views.py:33"), places.toString());
    }
  }

  @Test
  void outdatedDeclaredDependenciesAreReportedAtTheLineThatDeclaresThem() throws Exception {
    // Expected from the files themselves: pip's list joined with the requirements files' package
    // names.
    Map<String, String> releases = new HashMap<>();
    new ObjectMapper()
        .readTree(demo.captures().resolve("environment/pip-list-outdated.json").toFile())
        .forEach(
            e ->
                releases.put(
                    e.get("name").asText().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-"),
                    e.get("version").asText() + " -> " + e.get("latest_version").asText()));
    Set<String> expected = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    for (String file : List.of("requirements.txt", "requirements-dev.txt")) {
      List<String> lines = Files.readAllLines(demo.repo().resolve(file));
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith("-")) {
          continue;
        }
        String name =
            line.split("[=<>~!;\\[ ]")[0].toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
        if (releases.containsKey(name) && seen.add(name)) {
          expected.add(file + ":" + (i + 1) + " " + name + " " + releases.get(name));
        }
      }
    }
    assertTrue(expected.size() >= 3, "Django, requests, python-dateutil at least: " + expected);
    try (ProjectStore store = ProjectStore.open(demo.project())) {
      Set<String> actual =
          store.read(c -> new FindingRepository(c).all()).stream()
              .filter(f -> f.ruleId().equals("dependency.outdated") && !f.gone())
              .map(
                  f ->
                      f.location().display()
                          + " "
                          + f.evidence().get(0).text().replace("pip list --outdated: ", ""))
              .collect(Collectors.toCollection(TreeSet::new));
      // Django's own line already carries the scan's out-of-support finding (same CWE-1104, same
      // line):
      // the outdated report joins it as a second source instead of a second card (ADR 5).
      String djangoLine =
          expected.stream().filter(e -> e.contains(" django ")).findFirst().orElseThrow();
      expected.remove(djangoLine);
      assertEquals(expected, actual);
      Finding django =
          store.read(c -> new FindingRepository(c).all()).stream()
              .filter(
                  f ->
                      f.ruleId().equals("dependency.django-support")
                          && f.location().display().equals("requirements.txt:2"))
              .findFirst()
              .orElseThrow();
      assertEquals(
          List.of("workbench", "workbench-deps"),
          django.sources().stream().map(x -> x.tool()).sorted().toList());
      Finding coverage =
          store.read(c -> new FindingRepository(c).all()).stream()
              .filter(
                  f ->
                      f.ruleId().equals("dependency.outdated")
                          && f.location().display().equals("requirements-dev.txt:2"))
              .findFirst()
              .orElseThrow();
      assertTrue(coverage.title().endsWith("(1 major version behind)"), coverage.title());
    }
  }

  @Test
  void existingDemoIsNotReplacedWithoutForce() {
    var e =
        Assertions.assertThrows(
            Exception.class,
            () -> DemoProject.create(demo.project(), false, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("--force"), e.getMessage());
  }

  /**
   * The default place's demo is recreated on each run until someone triages in it; from then on it
   * is kept (the app opens it as it is), and only --force recreates it.
   */
  @Test
  void aDemoWithTriageIsKeptUnlessForced() throws Exception {
    Path file = dir.resolve("three/demo.audit");
    DemoProject.create(file, DemoProject.Replace.UNLESS_TRIAGED, ProgressListener.NONE);
    DemoProject.create(
        file, DemoProject.Replace.UNLESS_TRIAGED, ProgressListener.NONE); // untriaged: recreated
    long id;
    try (var project = AuditProject.open(file)) {
      id = project.findings().all().get(0).id();
      project
          .triage()
          .execute(
              TriageCommand.Edit.of(
                  id, TriageEdit.notes("seen in the client's staging too"), "note"),
              "test");
    }
    var kept =
        Assertions.assertThrows(
            DemoProject.HasTriage.class,
            () ->
                DemoProject.create(
                    file, DemoProject.Replace.UNLESS_TRIAGED, ProgressListener.NONE));
    assertEquals(1, kept.triaged());
    assertTrue(
        kept.getMessage().contains("holds your triage on 1 finding")
            && kept.getMessage().contains("--force"),
        kept.getMessage());
    try (var project = AuditProject.open(file)) {
      assertEquals(
          "seen in the client's staging too",
          project.findings().current(List.of(id)).get(0).notes());
    }
    DemoProject.create(file, DemoProject.Replace.ALWAYS, ProgressListener.NONE);
    try (var project = AuditProject.open(file)) {
      assertEquals(0, project.findings().triagedCount(), "--force starts afresh");
    }
  }

  /** Every "path:line" in DEFECTS.md names a line that exists, and key rows name the right code. */
  @Test
  void defectsListPointsAtRealLines() throws Exception {
    Path defects = Path.of(DemoProjectTest.class.getResource("/demo/DEFECTS.md").toURI());
    Matcher m =
        Pattern.compile("([\\w./-]+\\.(?:py|html|txt|sh)|\\.env|deploy/ssh/id_rsa_deploy):(\\d+)")
            .matcher(Files.readString(defects));
    int checked = 0;
    while (m.find()) {
      Path file = demo.repo().resolve(m.group(1));
      assertTrue(Files.isRegularFile(file), m.group());
      int line = Integer.parseInt(m.group(2));
      assertTrue(Files.readAllLines(file).size() >= line, m.group());
      checked++;
    }
    assertTrue(checked > 40, "references checked: " + checked);
    assertLine("ledgerly/settings/prod.py", 7, "DEBUG = True");
    assertLine("ledgerly/settings/base.py", 7, "SECRET_KEY =");
    assertLine("payments/views.py", 39, "cursor.execute(");
    assertLine("reports/views.py", 27, "external_ref=ref");
    assertLine("customers/models.py", 25, "objects = CustomerManager()");
    assertLine("templates/invoices/list.html", 11, "invoice.customer.name");
    assertLine("scripts/legacy_import.py", 12, "print \"importing\"");
  }

  private static void assertLine(String file, int line, String text) throws Exception {
    String actual = Files.readAllLines(demo.repo().resolve(file)).get(line - 1);
    assertTrue(actual.contains(text), file + ":" + line + " is '" + actual + "'");
  }
}
