package dev.auditworkbench.engine.history.rules;

import dev.auditworkbench.engine.django.AppUnits;
import dev.auditworkbench.engine.history.FileHistory;
import dev.auditworkbench.engine.history.GitHistory;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.rules.ModuleSummary;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The rules read from git history; each finding lists the commits behind its numbers. */
final class HistoryRules {
  private HistoryRules() {}

  static List<Rule> all() {
    return List.of(new Hotspot(), new KnowledgeRisk(), new ChangeCoupling());
  }

  private static String commitList(List<String> ids) {
    return ids.stream().limit(40).map(id -> id.substring(0, 10)).collect(Collectors.joining(" "))
        + (ids.size() > 40 ? " ... (" + ids.size() + " in all)" : "");
  }

  /**
   * The app of a repo-relative path (its local Django app, else its top-level folder; {@link
   * AppUnits}); "" for files at the top.
   */
  private static String appOfPath(AppUnits units, String path) {
    return path.indexOf('/') < 0 ? "" : units.ofPath(path);
  }

  private static String months(RepoAnalysis a) {
    return a.thresholds().historyMonths() + " months";
  }

  /**
   * Hotspots: files ranked by changes in the window times their complexity (the sum of their
   * functions' radon complexity). A complex file nobody touches costs little; a simple file that
   * changes every week costs little; the product is where a fix pays most.
   */
  static final class Hotspot implements Rule {
    @Override
    public String id() {
      return "history.hotspot";
    }

    @Override
    public String description() {
      return "Hotspots: the top threshold.hotspots (default 10) files by changes in the window x complexity";
    }

    @Override
    public void check(RepoAnalysis a, Consumer<RawFinding> out) {
      record Scored(ModuleSummary module, FileHistory history, int complexity, long score) {}
      List<Scored> scored = new ArrayList<>();
      for (ModuleSummary m : a.summaries()) {
        FileHistory h = a.history().files().get(m.path());
        int complexity =
            m.blocks().stream()
                .filter(b -> !b.kind().equals("class"))
                .mapToInt(ModuleSummary.Block::complexity)
                .sum();
        if (h != null && h.commits() >= 3 && complexity > 0 && !m.path().contains("/migrations/")) {
          scored.add(new Scored(m, h, complexity, (long) h.commits() * complexity));
        }
      }
      scored.sort(
          Comparator.comparingLong(Scored::score).reversed().thenComparing(s -> s.module().path()));
      for (int i = 0; i < Math.min(a.thresholds().hotspots(), scored.size()); i++) {
        Scored s = scored.get(i);
        FileHistory h = s.history();
        out.accept(
            RawFinding.builder(id())
                .nativeRuleId("hotspot")
                .title(
                    "Hotspot #"
                        + (i + 1)
                        + ": "
                        + s.module().path()
                        + " ("
                        + h.commits()
                        + " changes in "
                        + months(a)
                        + " x complexity "
                        + s.complexity()
                        + ")")
                .description(
                    s.module().path()
                        + " changed in "
                        + h.commits()
                        + " commits ("
                        + h.churn()
                        + " lines added or"
                        + " deleted) in the last "
                        + months(a)
                        + " and its functions add up to complexity "
                        + s.complexity()
                        + ". Changes here are frequent and risky: characterisation tests and splitting it pay off first.")
                .category(Category.MAINTAINABILITY)
                .severity(i < 3 ? Severity.MEDIUM : Severity.LOW)
                .confidence(Confidence.HIGH)
                .path(s.module().path())
                .lines(1, 1)
                .symbol(s.module().module())
                .keyEvidence("hotspot")
                .evidence(
                    Evidence.Kind.TEXT,
                    "score "
                        + s.score()
                        + " = "
                        + h.commits()
                        + " commits x complexity "
                        + s.complexity()
                        + "\nCommits: "
                        + commitList(h.commitIds()))
                .defaultImpact(Impact.of(i < 3 ? 4 : 3))
                .defaultEffort(Effort.of(Effort.Size.L))
                .build());
      }
    }
  }

  /**
   * Knowledge risk: an app (top-level package) where one author made at least threshold.owner_share
   * of the changes in the window (and at least 10 changes): a bus factor of one, which a handover
   * plan has to name.
   */
  static final class KnowledgeRisk implements Rule {
    @Override
    public String id() {
      return "history.knowledge-risk";
    }

    @Override
    public String description() {
      return "Apps where one author made threshold.owner_share (default 80%) of the changes: bus factor one";
    }

    @Override
    public void check(RepoAnalysis a, Consumer<RawFinding> out) {
      AppUnits units = AppUnits.of(a.inventory());
      Map<String, Map<String, Integer>> byApp = new TreeMap<>();
      Map<String, List<String>> commitsByApp = new HashMap<>();
      for (FileHistory h : a.history().files().values()) {
        if (!h.path().contains("/") || h.path().contains("/migrations/")) {
          continue;
        }
        String app = appOfPath(units, h.path());
        h.commitsByAuthor()
            .forEach(
                (author, n) ->
                    byApp
                        .computeIfAbsent(app, k -> new TreeMap<>())
                        .merge(author, n, Integer::sum));
        commitsByApp.computeIfAbsent(app, k -> new ArrayList<>()).addAll(h.commitIds());
      }
      Set<String> flaggedApps = new TreeSet<>();
      byApp.forEach(
          (app, authors) -> {
            int total = authors.values().stream().mapToInt(Integer::intValue).sum();
            var top = authors.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            double share = (double) top.getValue() / total;
            if (total >= 10 && share >= a.thresholds().ownerShare()) {
              flaggedApps.add(app);
              List<String> ids = commitsByApp.get(app).stream().distinct().toList();
              out.accept(
                  RawFinding.builder(id())
                      .nativeRuleId("bus-factor")
                      .title(
                          String.format(
                              Locale.ROOT,
                              "Knowledge risk: %s/ - %.0f%% of the changes by %s",
                              app,
                              100 * share,
                              top.getKey()))
                      .description(
                          String.format(
                              Locale.ROOT,
                              "In the last %s, %s made %d of the %d file changes in %s/. If they"
                                  + " leave, nobody else knows this code: pair on it and write down its rules.",
                              months(a),
                              top.getKey(),
                              top.getValue(),
                              total,
                              app))
                      .category(Category.MAINTAINABILITY)
                      .severity(Severity.MEDIUM)
                      .confidence(Confidence.HIGH)
                      .path(app + "/")
                      .symbol(app)
                      .keyEvidence(app)
                      .evidence(
                          Evidence.Kind.TEXT,
                          "Changes by author: " + authors + "\nCommits: " + commitList(ids))
                      .defaultImpact(Impact.of(3))
                      .defaultEffort(Effort.hours(16))
                      .build());
            }
          });
      // Single files with one owner, in apps that are not one-owner as a whole (those are named
      // above).
      for (FileHistory h : a.history().files().values()) {
        String app = appOfPath(units, h.path());
        if (h.commits() >= 10
            && h.topAuthorShare() >= a.thresholds().ownerShare()
            && !flaggedApps.contains(app)
            && !h.path().contains("/migrations/")) {
          out.accept(
              RawFinding.builder(id())
                  .nativeRuleId("bus-factor-file")
                  .title(
                      String.format(
                          Locale.ROOT,
                          "Knowledge risk: %s - %.0f%% of the changes by %s",
                          h.path(),
                          100 * h.topAuthorShare(),
                          h.topAuthor().getKey()))
                  .description(
                      String.format(
                          Locale.ROOT,
                          "In the last %s, %s made %d of the %d commits that changed %s.",
                          months(a),
                          h.topAuthor().getKey(),
                          h.topAuthor().getValue(),
                          h.commits(),
                          h.path()))
                  .category(Category.MAINTAINABILITY)
                  .severity(Severity.LOW)
                  .confidence(Confidence.HIGH)
                  .path(h.path())
                  .lines(1, 1)
                  .keyEvidence(h.path())
                  .evidence(
                      Evidence.Kind.TEXT,
                      "Changes by author: "
                          + h.commitsByAuthor()
                          + "\nCommits: "
                          + commitList(h.commitIds()))
                  .defaultImpact(Impact.of(2))
                  .defaultEffort(Effort.hours(4))
                  .build());
        }
      }
    }
  }

  /**
   * Change coupling across apps: two files in different apps that changed together in at least five
   * commits and in at least half of the changes of the less-changed one. Hidden coupling that the
   * import graph does not show, and a seam that is not one.
   */
  static final class ChangeCoupling implements Rule {
    @Override
    public String id() {
      return "history.change-coupling";
    }

    @Override
    public String description() {
      return "Files in different apps that change together (5+ commits, 50%+ of the rarer one's changes)";
    }

    @Override
    public void check(RepoAnalysis a, Consumer<RawFinding> out) {
      AppUnits units = AppUnits.of(a.inventory());
      for (GitHistory.Coupling c : a.history().couplings()) {
        String appA = appOfPath(units, c.a());
        String appB = appOfPath(units, c.b());
        if (appA.equals(appB)
            || c.degree() < 0.5
            || !c.a().endsWith(".py")
            || !c.b().endsWith(".py")) {
          continue;
        }
        out.accept(
            RawFinding.builder(id())
                .nativeRuleId("change-coupling")
                .title(
                    String.format(
                        Locale.ROOT,
                        "Change coupling across apps: %s and %s (%d commits together)",
                        c.a(),
                        c.b(),
                        c.together()))
                .description(
                    String.format(
                        Locale.ROOT,
                        "%s and %s changed in the same commit %d times (%.0f%% of the changes of"
                            + " the one that changes less) though they live in different apps: a change in one needs the other.",
                        c.a(),
                        c.b(),
                        c.together(),
                        100 * c.degree()))
                .category(Category.ARCHITECTURE)
                .severity(Severity.LOW)
                .confidence(Confidence.MEDIUM)
                .path(c.a())
                .lines(1, 1)
                .keyEvidence(c.b())
                .evidence(
                    Evidence.Kind.TEXT,
                    c.a() + " <-> " + c.b() + ": " + c.together() + " commits together")
                .defaultEffort(Effort.of(Effort.Size.M))
                .build());
      }
    }
  }
}
