package dev.auditworkbench.app.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.store.ScanRepository;
import dev.auditworkbench.engine.upgrade.UpgradeFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis measured on five real Django monoliths nobody here wrote (../shared/corpora, see its
 * README), against what people read from their code: every route of each root URLconf (routes.tsv),
 * the settings modules, local apps and models (inventory.txt), and a random sample of findings
 * labelled true or false positive with the reason (labels-*.tsv). Figures are printed and recorded
 * in docs/analysis.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorporaTest {
  static final List<String> CORPORA =
      List.of("wger", "ralph", "readthedocs", "pretalx", "defectdojo");

  /** Every corpus: at least 95% of the hand-read routes found, with the right view. */
  static final Map<String, Double> ROUTE_RECALL =
      Map.of("wger", 0.95, "ralph", 0.95, "readthedocs", 0.95, "pretalx", 0.95, "defectdojo", 0.95);

  @TempDir static Path dir;
  private final Map<String, DjangoInventory> inventories = new HashMap<>();
  private final Map<String, List<Finding>> findings = new HashMap<>();
  private final Map<String, UpgradeFacts> upgrades = new HashMap<>();
  private final Map<String, Double> scanSeconds = new LinkedHashMap<>();

  @BeforeAll
  void scanEveryCorpus() throws Exception {
    Path corpora = corporaFolder();
    for (String c : CORPORA) {
      Path repo = Files.createDirectories(dir.resolve(c));
      Process tar =
          new ProcessBuilder(
                  "tar", "-xJf", corpora.resolve(c + ".tar.xz").toString(), "-C", repo.toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(
          tar.waitFor(120, TimeUnit.SECONDS) && tar.exitValue() == 0,
          "unpacking " + c + ": " + out);
      try (ProjectStore store =
          ProjectStore.create(
              dir.resolve(c + ".audit"), new ProjectInfo(c, "", "", repo), Clock.systemUTC())) {
        long start = System.nanoTime();
        new ScanService(store, Clock.systemUTC()).scan(ProgressListener.NONE);
        scanSeconds.put(c, (System.nanoTime() - start) / 1e9);
        inventories.put(
            c,
            store
                .read(r -> new ScanRepository(r).latestFacts("inventory", DjangoInventory.class))
                .orElseThrow());
        findings.put(c, store.read(r -> new FindingRepository(r).all()));
        upgrades.put(
            c,
            store
                .read(r -> new ScanRepository(r).latestFacts("upgrade", UpgradeFacts.class))
                .orElseThrow());
      }
    }
  }

  /** ../shared/corpora from the module folder or the repository root; CI always has it. */
  static Path corporaFolder() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("corpora");
      if (Files.isRegularFile(candidate.resolve("wger.tar.xz"))) {
        return candidate;
      }
      candidate = p.resolveSibling("shared").resolve("corpora");
      if (Files.isRegularFile(candidate.resolve("wger.tar.xz"))) {
        return candidate;
      }
    }
    return fail("the real-code corpora are not beside this checkout (../shared/corpora/*.tar.xz)");
  }

  // -- routes --------------------------------------------------------------------------

  record ExpectedRoute(String pattern, String view, String place, String kind) {}

  static List<ExpectedRoute> expectedRoutes(String corpus) throws IOException {
    List<ExpectedRoute> out = new ArrayList<>();
    for (String line : resource(corpus + "/routes.tsv")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length >= 4) {
        out.add(new ExpectedRoute(normalise(f[0]), f[1].strip(), f[2].strip(), f[3].strip()));
      }
    }
    return out;
  }

  /** Patterns compared without anchors and leading slashes, as the readers wrote them. */
  static String normalise(String pattern) {
    String p = pattern.strip().replaceAll("(^|/)\\^", "$1").replace("\\Z", "");
    p = p.endsWith("$") ? p.substring(0, p.length() - 1) : p;
    while (p.startsWith("^") || p.startsWith("/")) {
      p = p.substring(1);
    }
    return p;
  }

  private static String simpleName(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }

  @Test
  void routeInventoryFindsTheRoutesPeopleReadWithTheRightView() throws Exception {
    StringBuilder table =
        new StringBuilder("\ncorpus        routes found/expected  recall  unresolved listed\n");
    List<String> failures = new ArrayList<>();
    for (String c : CORPORA) {
      Map<String, Set<String>> found = new HashMap<>();
      Set<String> unresolvedAt = new HashSet<>();
      for (DjangoInventory.Route r : inventories.get(c).routes()) {
        found.computeIfAbsent(normalise(r.pattern()), k -> new HashSet<>()).add(r.view());
        if (r.kind().equals("unresolved")) {
          unresolvedAt.add(r.path() + ":" + r.line());
        }
      }
      List<ExpectedRoute> expected = expectedRoutes(c);
      int right = 0;
      List<String> missed = new ArrayList<>();
      for (ExpectedRoute e : expected) {
        Set<String> views = found.getOrDefault(e.pattern(), Set.of());
        boolean ok =
            e.kind().equals("include-external")
                ? !views.isEmpty() || found.containsKey(e.pattern())
                : views.contains(e.view())
                    || views.stream().anyMatch(v -> simpleName(v).equals(simpleName(e.view())));
        if (ok) {
          right++;
        } else {
          missed.add(e.place() + " " + e.pattern() + " -> " + e.view());
        }
      }
      double recall = (double) right / expected.size();
      table.append(
          String.format(
              Locale.ROOT,
              "%-13s %5d/%-5d           %5.1f%%  %d%n",
              c,
              right,
              expected.size(),
              100 * recall,
              unresolvedAt.size()));
      if (recall < ROUTE_RECALL.get(c)) {
        failures.add(
            c
                + ": "
                + right
                + "/"
                + expected.size()
                + " routes; missed e.g. "
                + missed.subList(0, Math.min(8, missed.size())));
      }
    }
    System.out.println(table);
    assertEquals(List.of(), failures);
  }

  // -- inventory -----------------------------------------------------------------------------

  static Map<String, List<String>> sections(String corpus) throws IOException {
    Map<String, List<String>> out = new TreeMap<>();
    String current = null;
    for (String line : resource(corpus + "/inventory.txt")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        current = line.replaceAll("[\\[\\]]", "").strip();
        out.put(current, new ArrayList<>());
        continue;
      }
      out.get(current).add(line.split("\t", 2)[0].strip());
    }
    return out;
  }

  @Test
  void settingsAppsAndModelsAreThoseTheCodeDefines() throws Exception {
    StringBuilder table =
        new StringBuilder(
            "\ncorpus        settings  apps      models    models not in the code's list  scan s\n");
    List<String> failures = new ArrayList<>();
    for (String c : CORPORA) {
      DjangoInventory inv = inventories.get(c);
      Map<String, List<String>> expected = sections(c);
      Set<String> settings = new HashSet<>(inv.settingsModules());
      Set<String> apps = new HashSet<>();
      inv.apps().stream()
          .filter(DjangoInventory.App::local)
          .forEach(
              a -> {
                apps.add(a.name());
                apps.add(
                    a.name().contains(".apps.")
                        ? a.name().substring(0, a.name().indexOf(".apps."))
                        : a.name());
              });
      Set<String> models = new HashSet<>();
      inv.models().forEach(m -> models.add(m.qualname()));
      int s = hits(expected.get("settings"), settings);
      int a = hits(expected.get("apps"), apps);
      int m = hits(expected.get("models"), models);
      Set<String> extra = new HashSet<>(models);
      expected.get("models").forEach(extra::remove);
      table.append(
          String.format(
              Locale.ROOT,
              "%-13s %3d/%-3d   %3d/%-3d   %3d/%-3d   %-30d %.1f%n",
              c,
              s,
              expected.get("settings").size(),
              a,
              expected.get("apps").size(),
              m,
              expected.get("models").size(),
              extra.size(),
              scanSeconds.get(c)));
      if (m < 0.95 * expected.get("models").size() || !extra.isEmpty()) {
        failures.add(
            c
                + " models: "
                + m
                + "/"
                + expected.get("models").size()
                + ", not in the list: "
                + extra);
      }
      if (s < expected.get("settings").size()) {
        failures.add(
            c
                + " settings: "
                + inv.settingsModules()
                + " lack some of "
                + expected.get("settings"));
      }
      if (a < expected.get("apps").size()) {
        failures.add(c + " apps: " + a + "/" + expected.get("apps").size());
      }
    }
    System.out.println(table);
    assertEquals(List.of(), failures);
  }

  private static int hits(List<String> expected, Set<String> found) {
    return (int) expected.stream().filter(found::contains).count();
  }

  // -- findings precision --------------------------------------------------------------------

  record Label(
      String corpus, String rule, String path, int line, boolean truePositive, String reason) {}

  static List<Label> labels() throws IOException {
    List<Label> out = new ArrayList<>();
    for (String file : List.of("labels-security.tsv", "labels-quality.tsv")) {
      for (String line : resource(file)) {
        if (line.startsWith("corpus\t") || line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        out.add(
            new Label(
                f[0],
                f[1],
                f[2],
                Integer.parseInt(f[3]),
                f[4].strip().equals("TP"),
                f.length > 5 ? f[5] : ""));
      }
    }
    return out;
  }

  /**
   * The upgrade path's uses (every place `workbench upgrade` lists) against a labelled random
   * sample: every labelled true positive is still found at its line, and at least 90% of the
   * labelled uses still reported are true.
   */
  @Test
  void labelledUpgradeUsesAreFoundAndRight() throws Exception {
    int tp = 0;
    int fp = 0;
    List<String> lost = new ArrayList<>();
    for (String line : resource("labels-upgrade.tsv")) {
      if (line.startsWith("corpus\t") || line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      boolean reported =
          upgrades.get(f[0]).uses().stream()
              .anyMatch(
                  u ->
                      u.id().equals(f[1])
                          && u.path().equals(f[2])
                          && u.line() == Integer.parseInt(f[3]));
      boolean truePositive = f[4].strip().equals("TP");
      if (!reported) {
        if (truePositive) {
          lost.add(f[1] + " " + f[2] + ":" + f[3]);
        }
      } else if (truePositive) {
        tp++;
      } else {
        fp++;
      }
    }
    System.out.printf(
        "upgrade path uses: %d TP, %d FP, precision %.0f%%, lost %s%n",
        tp, fp, 100.0 * tp / Math.max(1, tp + fp), lost);
    assertTrue(lost.isEmpty(), "labelled uses no longer found: " + lost);
    assertTrue(tp >= 30 && tp >= 0.9 * (tp + fp), tp + " TP / " + fp + " FP");
  }

  /**
   * Precision per rule on the labelled sample: of the labelled findings the analysis still reports
   * as findings (above information: test code is reported as information), how many are true. A
   * labelled true positive the analysis no longer reports is counted as lost. Rules whose findings
   * are of low confidence (places to review, which `workbench rules` explains) are listed apart;
   * every other rule must be right at least 70% of the time, and all of them together 85%.
   */
  @Test
  void labelledFindingsGiveThePrecisionOfEachRule() throws Exception {
    Map<String, int[]> perRule =
        new TreeMap<>(); // tp, fp, lost true positives, dropped false positives
    Map<String, Boolean> low = new TreeMap<>();
    for (Label l : labels()) {
      Finding reported =
          findings.get(l.corpus()).stream()
              .filter(
                  f ->
                      f.ruleId().equals(l.rule())
                          && l.path().equals(f.location().path())
                          && f.location().startLine() == l.line()
                          && f.severity() != Severity.INFO)
              .findFirst()
              .orElse(null);
      int[] n = perRule.computeIfAbsent(family(l.rule()), k -> new int[4]);
      if (reported != null) {
        n[l.truePositive() ? 0 : 1]++;
        low.merge(family(l.rule()), reported.confidence() == Confidence.LOW, Boolean::logicalAnd);
      } else {
        n[l.truePositive() ? 2 : 3]++;
      }
    }
    StringBuilder table =
        new StringBuilder(
            "\nrule                                TP  FP  precision  lost TP  FP gone  confidence\n");
    int tp = 0;
    int fp = 0;
    List<String> weak = new ArrayList<>();
    for (var e : perRule.entrySet()) {
      int[] n = e.getValue();
      boolean lowConfidence = low.getOrDefault(e.getKey(), false);
      double p = n[0] + n[1] == 0 ? 1 : (double) n[0] / (n[0] + n[1]);
      table.append(
          String.format(
              Locale.ROOT,
              "%-34s %4d %3d  %6.0f%%   %5d  %6d   %s%n",
              e.getKey(),
              n[0],
              n[1],
              100 * p,
              n[2],
              n[3],
              lowConfidence ? "low (apart)" : ""));
      if (lowConfidence) {
        continue;
      }
      tp += n[0];
      fp += n[1];
      if (p < 0.70) {
        weak.add(e.getKey() + " " + Math.round(100 * p) + "%");
      }
    }
    double overall = (double) tp / Math.max(1, tp + fp);
    table.append(
        String.format(
            Locale.ROOT,
            "all but low confidence             %4d %3d  %6.0f%%%n",
            tp,
            fp,
            100 * overall));
    System.out.println(table);
    assertTrue(overall >= 0.85, "overall precision " + Math.round(100 * overall) + "%" + table);
    assertEquals(List.of(), weak, "rules under 70% that are not low confidence" + table);
  }

  /** Rules are measured by family: the settings checks together, each other rule alone. */
  static String family(String rule) {
    return rule.startsWith("django.settings.") ? "django.settings.*" : rule;
  }

  static List<String> resource(String name) throws IOException {
    try (var in = CorporaTest.class.getResourceAsStream("/corpora/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource corpora/" + name);
      }
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
  }
}
