package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.excerpt.CodeExcerpts;
import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.priority.Planner;
import dev.auditworkbench.engine.report.FindingsCsvWriter;
import dev.auditworkbench.engine.report.FindingsJsonWriter;
import dev.auditworkbench.engine.report.IssueTrackerCsv;
import dev.auditworkbench.engine.report.MatrixSvg;
import dev.auditworkbench.engine.report.ReportJson;
import dev.auditworkbench.engine.report.ReportModel;
import dev.auditworkbench.engine.report.ReportRenderer;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.triage.TriageEdit;
import dev.auditworkbench.engine.triage.TriageService;
import dev.auditworkbench.engine.upgrade.UpgradePlanText;
import dev.auditworkbench.engine.upgrade.UpgradePlans;
import dev.auditworkbench.views.upgrade.UpgradeViewModel;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret reaches a screen or an export: not the demo's planted ones (DEFECTS.md D-SEC-*,
 * D-SET-2) in any finding's texts, its code excerpt (what the board, the findings page and the
 * report quote) or any export; and not the passwords a scanner that is not a secret scanner quotes
 * in its messages (bandit B105-B107).
 */
class SecretsNeverShownTest {
  /** The demo's planted secrets, as committed in its repository. */
  static final List<String> DEMO_SECRETS =
      List.of(
          "AKIAQ4NGX7DEMO5LEDGR",
          "wJalrXUtnFEMI/K7MDENG/bPxRfiCYDEMOKEY1x7",
          "ledgerly-prod-2017",
          "Sup3rS3cretLedger!",
          "sk_live_51Hx7QpLZ0bFakeKeyForDemoOnly9x8c7v6b5n4m3",
          "django-insecure-q7#x!v2m@r9$e0kz+4t8w&n1p^b6c3f5h0j2l4s6d8g",
          "F8fWAlX2zSToUJLQDIH7HOkmfVnvftamzgLW8U1vBLsLXKA7BIidwU6DuNL3if1l");

  /**
   * What bandit quoted from the hostile fixture (test resources hostile/, made by
   * capture-bandit.sh).
   */
  static final List<String> BANDIT_SECRETS = List.of("correct-horse-battery", "s3cr3t-Ops-Login");

  @TempDir Path dir;

  @Test
  void noPlantedSecretOfTheDemoIsInAnyFindingExcerptOrExport() throws Exception {
    DemoProject.Created demo =
        DemoProject.create(dir.resolve("demo.audit"), false, ProgressListener.NONE);
    try (ProjectStore store = ProjectStore.open(demo.project())) {
      List<Finding> all = findings(store);
      // Every finding in the report, so every excerpt and detail card is rendered.
      TriageService triage = new TriageService(store, Clock.systemUTC());
      for (Finding f : all) {
        triage.apply(f.id(), new TriageEdit(Status.IN_REPORT, null, null, null, null), "test");
      }
      List<String> shown = everythingShown(store, findings(store));
      // The excerpts of the settings file hold its lines (masked), not nothing.
      assertTrue(
          shown.stream().anyMatch(s -> s.contains("AWS_SECRET_ACCESS_KEY = \"wJal")),
          "the masked line is quoted");
      assertTrue(
          shown.stream().anyMatch(s -> s.contains("[hidden: part of a private key]")),
          "the key block is hidden");
      assertNoneShown(shown, DEMO_SECRETS);
    }
  }

  @Test
  void passwordsQuotedByBanditAreMaskedBeforeTheyAreStored() throws Exception {
    Path resources = Path.of("src", "test", "resources", "hostile").toAbsolutePath();
    ProjectInfo info = new ProjectInfo("Shop", "Audit", "R. Auditor", resources.resolve("repo"));
    try (ProjectStore store =
        ProjectStore.create(dir.resolve("shop.audit"), info, Clock.systemUTC())) {
      new ImportService(store, ImporterRegistry.load(), Clock.systemUTC())
          .importFile(resources.resolve("bandit-b105.json"), null, ProgressListener.NONE);
      List<Finding> found = findings(store);
      assertEquals(2, found.size(), "B106 and B107");
      assertTrue(
          found.stream()
              .anyMatch(
                  f -> f.title().endsWith("Possible hardcoded password: 'corr****************'")),
          found.stream().map(Finding::title).toList().toString());
      // Nothing stored holds them: read the file's bytes, not only the API.
      store.close();
      String raw =
          new String(Files.readAllBytes(dir.resolve("shop.audit")), StandardCharsets.ISO_8859_1);
      BANDIT_SECRETS.forEach(s -> assertFalse(raw.contains(s), "stored in the project file: " + s));
    }
    try (ProjectStore store = ProjectStore.open(dir.resolve("shop.audit"))) {
      TriageService triage = new TriageService(store, Clock.systemUTC());
      findings(store)
          .forEach(
              f ->
                  triage.apply(
                      f.id(), new TriageEdit(Status.IN_REPORT, null, null, null, null), "test"));
      assertNoneShown(everythingShown(store, findings(store)), BANDIT_SECRETS);
    }
  }

  /** Every text a user can see or export about these findings. */
  private static List<String> everythingShown(ProjectStore store, List<Finding> all)
      throws Exception {
    List<String> shown = new ArrayList<>();
    CodeExcerpts excerpts = CodeExcerpts.of(store);
    for (Finding f : all) {
      shown.add(
          f.title() + "\n" + f.description() + "\n" + f.location().display() + "\n" + f.evidence());
      shown.add(String.join("\n", excerpts.around(f, 10, 10).lines()));
    }
    ReportModel model = store.read(c -> ReportModel.of(c, Instant.parse("2026-11-24T12:00:00Z")));
    shown.add(new ReportRenderer(null).html(model));
    shown.add(new String(ReportJson.bytes(model), StandardCharsets.UTF_8));
    StringWriter csv = new StringWriter();
    IssueTrackerCsv.write(model, csv);
    FindingsCsvWriter.write(all, csv);
    FindingsJsonWriter.write(all, csv);
    shown.add(csv.toString());
    shown.add(MatrixSvg.render(store.read(c -> Planner.of(c, LocalDate.of(2026, 11, 24))).items()));
    // The upgrade path quotes the line of every use it lists: the CLI, the report and the app.
    store
        .read(c -> UpgradePlans.latest(c, null))
        .ifPresent(
            p -> {
              shown.add(UpgradePlanText.render(p, Integer.MAX_VALUE));
              shown.add(UpgradeViewModel.outline(p).toString());
            });
    return shown;
  }

  private static void assertNoneShown(List<String> shown, List<String> secrets) {
    for (String text : shown) {
      for (String secret : secrets) {
        assertFalse(
            text.contains(secret),
            () ->
                "a secret is shown: "
                    + secret
                    + " in\n"
                    + text.substring(
                        Math.max(0, text.indexOf(secret) - 300),
                        Math.min(text.length(), text.indexOf(secret) + 100)));
      }
    }
  }

  private static List<Finding> findings(ProjectStore store) {
    return store.read(
        c -> {
          try (FindingRepository r = new FindingRepository(c)) {
            return r.all();
          }
        });
  }
}
