package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditworkbench.app.cli.BanditReports;
import dev.auditworkbench.engine.repo.TestCode;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ImportRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Imports and re-scans through the window, on a project window. */
class ImportUiTest extends ProjectWindowUiTest {
  @Start
  void start(Stage stage) throws Exception {
    open(stage); // TestFX looks for @Start on the test class itself
  }

  @Test
  @Tag("import")
  void importThroughTheWindowReportsCountsAndUpdatesTheViews(FxRobot robot) throws Exception {
    robot.interact(() -> window.importFiles(List.of(UiFixtures.sample("one_vuln.json"))));

    waitUntil(() -> !dialogs.infos.isEmpty());
    assertTrue(
        dialogs.infos.get(0).contains("one_vuln.json: detected Bandit JSON; 1 record read, 1 new"),
        dialogs.infos.toString());
    // one_vuln.json scanned only one/one.py: the earlier report's findings elsewhere stay open.
    // (Findings in test code, dojo/unittests here, are information, not low.)
    Set<String> lowInTestsDistinct = new HashSet<>();
    for (var r :
        new ObjectMapper().readTree(UiFixtures.sample("many_vulns.json").toFile()).get("results")) {
      if (r.get("issue_severity").asText().equals("LOW")
          && TestCode.isTest(r.get("filename").asText().replace('\\', '/'))) {
        lowInTestsDistinct.add(r.toString());
      }
    }
    int lowInTests = lowInTestsDistinct.size();
    String lowAfter = String.valueOf(expectedCount("issue_severity", "LOW") - lowInTests + 1);
    waitUntil(
        () ->
            robot.lookup("#tile-low .tile-number").queryAs(Label.class).getText().equals(lowAfter));
  }

  @Test
  @Tag("import")
  void rescanShowsWhenItRanAndTheFilesThatAreNotPython3(FxRobot robot) throws Exception {
    assertEquals(
        "The repository has not been scanned yet (File > Re-scan repository).",
        robot.lookup("#overview-scan").queryAs(Label.class).getText());
    Files.writeString(repo.resolve("ok.py"), "x = 1\n");
    Files.writeString(repo.resolve("legacy.py"), "print 'python 2'\n");

    robot.interact(() -> model.rescan());

    waitUntil(
        () ->
            robot.lookup("#overview-scan").queryAs(Label.class).getText().startsWith("Last scan "));
    String line = robot.lookup("#overview-scan").queryAs(Label.class).getText();
    // To the minute, in the machine's zone; no commit (the folder is not a git repository).
    assertTrue(
        line.matches("Last scan \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}; 1 file not valid Python 3"),
        line);
  }

  @Test
  @Tag("import")
  void badFileInAnImportIsNamedAndTheOthersLand(FxRobot robot) throws Exception {
    Path bad =
        Files.writeString(dir.resolve("notes-" + System.nanoTime() + ".txt"), "not a report");

    robot.interact(() -> window.importFiles(List.of(bad, UiFixtures.sample("one_vuln.json"))));

    waitUntil(() -> !dialogs.errors.isEmpty());
    String report = dialogs.errors.get(0);
    assertTrue(report.contains("Not imported: " + bad), report);
    assertTrue(
        report.contains("one_vuln.json: detected Bandit JSON; 1 record read, 1 new"), report);
  }

  @Test
  @Tag("import")
  void cancellingAnImportLeavesTheProjectAsItWas(FxRobot robot) throws Exception {
    Path big = dir.resolve("big-" + System.nanoTime() + ".json");
    BanditReports.generate(big, 300_000);
    int before = store.read(c -> new FindingRepository(c).count());
    int importsBefore = store.read(c -> new ImportRepository(c).all()).size();

    robot.interact(() -> window.importFiles(List.of(big)));
    waitUntil(
        () ->
            robot.lookup("#status-cancel").queryButton().isVisible()
                && robot
                    .lookup("#status-message")
                    .queryAs(Label.class)
                    .getText()
                    .startsWith("Importing big-"));
    robot.clickOn("#status-cancel");

    waitUntil(() -> dialogs.infos.stream().anyMatch(i -> i.startsWith("Import cancelled")));
    int after = store.read(c -> new FindingRepository(c).count());
    assertEquals(before, after);
    assertEquals(importsBefore, store.read(c -> new ImportRepository(c).all()).size());
  }
}
