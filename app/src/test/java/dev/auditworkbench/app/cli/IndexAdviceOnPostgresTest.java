package dev.auditworkbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.queries.PlanNode;
import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.engine.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index advice checked against PostgreSQL 15 itself (importers/src/test/pg-capture/
 * capture-index-advice.sh): for each kind of filter, the analysis of the plan captured before
 * suggests exactly the index the script then created, and the plan captured after that index
 * existed scans it. Plain, composite, partial (a soft-delete test; a status list fixed in the code
 * beside the tenant) and expression cases, and date_trunc on a timestamptz, which no index serves
 * as written (PostgreSQL refuses the expression index) and gets an index on the column with a range
 * rewrite.
 */
class IndexAdviceOnPostgresTest {
  private static final Path DIR =
      Path.of("../importers/src/test/resources/samples/postgres/index-advice")
          .toAbsolutePath()
          .normalize();
  private static final Path SCRIPT =
      Path.of("../importers/src/test/pg-capture/capture-index-advice.sh")
          .toAbsolutePath()
          .normalize();

  @TempDir Path dir;

  private static String scriptIndex(String name) throws Exception {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(name) + "\\|[^|]*\\|([^|]*)\\|")
            .matcher(Files.readString(SCRIPT));
    assertTrue(m.find(), name + " in the capture script");
    return m.group(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "composite",
        "partial",
        "partial-status",
        "upper",
        "lower",
        "date-utc",
        "date-trunc"
      })
  void theSuggestedIndexIsTheOnePostgresThenScans(String name) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path project = dir.resolve(name + ".audit");
    Cli.run("new", project, "--repo", repo, "--no-scan").ok();
    Cli.run("import", project, DIR.resolve(name + ".before.json"), "--format", "postgres-explain")
        .ok();
    QueryAnalysis.Result result;
    try (ProjectStore store = ProjectStore.open(project)) {
      result = store.read(c -> QueryAnalysis.of(c, QueryAnalysis.DEFAULT_N_PLUS_ONE));
    }
    List<String> suggestions =
        result.planIssues().stream()
            .map(QueryAnalysis.PlanIssue::suggestion)
            .filter(s -> s.startsWith("CREATE INDEX"))
            .toList();
    String expected = scriptIndex(name);
    assertEquals(List.of(expected), suggestions);

    String index = expected.replaceAll("CREATE INDEX CONCURRENTLY (\\S+) .*", "$1");
    List<PlanNode> after = new ArrayList<>();
    PlanNode.parse(Files.readString(DIR.resolve(name + ".after.json"))).walk(after::add);
    assertTrue(
        after.stream()
            .anyMatch(n -> n.nodeType().endsWith("Index Scan") && index.equals(n.index())),
        "PostgreSQL scans " + index + " once it exists");
    if (name.equals("partial-status")) {
      assertTrue(
          result.planIssues().get(0).detail().contains("(tenant_id, status) serves them all"),
          result.planIssues().get(0).detail());
    }
    if (name.equals("date-trunc")) {
      assertTrue(
          result.planIssues().get(0).detail().contains("filter on a range of created_at"),
          result.planIssues().get(0).detail());
      assertTrue(
          Files.readString(DIR.resolve("date-trunc.refused.txt"))
              .contains("must be marked IMMUTABLE"));
    }
  }
}
