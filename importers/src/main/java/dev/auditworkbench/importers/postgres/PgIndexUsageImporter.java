package dev.auditworkbench.importers.postgres;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.IndexSymbol;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.importers.common.CsvReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Index usage exported from PostgreSQL's statistics as CSV with a header: the query in docs/cli.md
 * ("Index usage": pg_stat_user_indexes joined with pg_index, pg_stat_user_tables and each index's
 * definition and size), or the bare pg_stat_user_indexes view. Reports indexes never scanned since
 * the statistics were reset (not unique, not a primary key, not backing a constraint), indexes that
 * duplicate another on the same columns, and indexes whose columns lead another index (the longer
 * one serves the same lookups), each with its size and the table's writes as the cost; and large
 * tables read mostly by sequential scans. The findings name the table and index; the import places
 * them on the model that makes the table. Known limit: scans on read replicas are counted on the
 * replica, not here; export from every server that takes reads.
 */
public final class PgIndexUsageImporter implements Importer {
  static final String FORMAT = "PostgreSQL index usage CSV";
  private static final Pattern DEFINITION =
      Pattern.compile(
          "(?i)^CREATE (UNIQUE )?INDEX \\S+ ON (?:ONLY )?\\S+ USING (\\w+) \\((.*?)\\)"
              + "(?: INCLUDE \\((.*?)\\))?(?: WITH \\(.*?\\))?(?: WHERE (.*))?$");

  @Override
  public String id() {
    return "pg-index-usage-csv";
  }

  @Override
  public String displayName() {
    return "PostgreSQL index usage (CSV)";
  }

  @Override
  public String tool() {
    return "pg_stat_user_indexes";
  }

  @Override
  public String description() {
    return "Index usage and size from pg_stat_user_indexes (the query in docs/cli.md, or the bare view) as CSV with a header: unused, duplicate and redundant indexes, tables read by sequential scans.";
  }

  /** The columns read, by their position in the header (-1 when absent). */
  private record Columns(
      int table,
      int index,
      int scans,
      int bytes,
      int unique,
      int primary,
      int constraint,
      int definition,
      int seqScan,
      int seqRead,
      int live,
      int inserts,
      int updates,
      int deletes,
      int reset) {
    static Columns of(List<String> header) {
      Map<String, Integer> at = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        at.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
      }
      int table = first(at, "relname", "table_name", "tablename");
      int index = first(at, "indexrelname", "index_name", "indexname");
      int scans = first(at, "idx_scan", "index_scans");
      if (table < 0 || index < 0 || scans < 0) {
        return null;
      }
      return new Columns(
          table,
          index,
          scans,
          first(at, "index_bytes", "index_size_bytes", "pg_relation_size"),
          first(at, "is_unique", "indisunique"),
          first(at, "is_primary", "indisprimary"),
          first(at, "backs_constraint"),
          first(at, "indexdef", "index_definition"),
          first(at, "seq_scan"),
          first(at, "seq_tup_read"),
          first(at, "n_live_tup"),
          first(at, "n_tup_ins"),
          first(at, "n_tup_upd"),
          first(at, "n_tup_del"),
          first(at, "stats_reset"));
    }

    private static int first(Map<String, Integer> at, String... names) {
      for (String n : names) {
        if (at.containsKey(n)) {
          return at.get(n);
        }
      }
      return -1;
    }
  }

  /** One index row, with its definition read into its parts when the export has it. */
  private record Index(
      String table,
      String name,
      long scans,
      long bytes,
      Boolean unique,
      boolean primary,
      boolean constraint,
      String method,
      List<String> columns,
      String predicate,
      long tableWrites,
      long seqScan,
      long seqRead,
      long live,
      long line) {
    boolean knownUnique() {
      return Boolean.TRUE.equals(unique) || primary || constraint;
    }

    boolean mayBeUnique() {
      // Without pg_index in the export, the names Django and PostgreSQL give unique indexes.
      return unique == null
          && (name.endsWith("_pkey") || name.endsWith("_key") || name.endsWith("_uniq"));
    }

    String key() {
      return table + "|" + method + "|" + columns + "|" + predicate;
    }
  }

  @Override
  public double detect(FileSample sample) {
    List<String> header = CsvReader.header(sample);
    return header != null && Columns.of(header) != null ? 0.95 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8), 1 << 16)) {
      CsvReader csv = new CsvReader(r);
      List<String> header = csv.next();
      Rows rows = new Rows(input.path(), FORMAT, header);
      List<String> rec;
      while ((rec = csv.next()) != null) {
        csv.checkWidth(input, rec, header, FORMAT);
        rows.add(rec, csv.recordLine(), sink);
      }
      report(rows, sink);
    }
  }

  /**
   * The index rows of an export, read one by one whatever its format (CSV here, JSON in {@link
   * PgIndexUsageJsonImporter}): the header names the columns.
   */
  static final class Rows {
    private final java.nio.file.Path path;
    private final String format;
    private final Columns cols;
    private final List<Index> indexes = new ArrayList<>();
    private final boolean definitions;
    private final boolean costKnown;
    private String reset;

    Rows(java.nio.file.Path path, String format, List<String> header) throws BadInputException {
      this.path = path;
      this.format = format;
      this.cols = header == null ? null : Columns.of(header);
      if (cols == null) {
        throw BadInputException.atLine(
            path,
            1,
            format,
            "the header needs relname, indexrelname and idx_scan columns (pg_stat_user_indexes);"
                + " found "
                + header);
      }
      this.definitions = cols.definition() >= 0;
      this.costKnown = cols.bytes() >= 0 || cols.inserts() >= 0;
    }

    void add(List<String> rec, long line, FindingSink sink) throws BadInputException {
      sink.recordRead();
      try {
        String method = "btree";
        List<String> columns = List.of();
        String predicate = "";
        Boolean unique = cols.unique() < 0 ? null : bool(rec.get(cols.unique()));
        if (definitions) {
          Matcher d = DEFINITION.matcher(rec.get(cols.definition()).strip());
          if (d.matches()) {
            method = d.group(2).toLowerCase(Locale.ROOT);
            columns = splitColumns(d.group(3));
            predicate = d.group(5) == null ? "" : d.group(5).strip();
            if (unique == null) {
              unique = d.group(1) != null;
            }
          } else {
            sink.warn(line, "index definition not read: " + rec.get(cols.definition()));
          }
        }
        if (cols.reset() >= 0 && !rec.get(cols.reset()).isBlank()) {
          reset = rec.get(cols.reset()).strip();
        }
        indexes.add(
            new Index(
                rec.get(cols.table()).strip(),
                rec.get(cols.index()).strip(),
                number(rec, cols.scans()),
                number(rec, cols.bytes()),
                unique,
                cols.primary() >= 0 && bool(rec.get(cols.primary())),
                cols.constraint() >= 0 && bool(rec.get(cols.constraint())),
                method,
                columns,
                predicate,
                number(rec, cols.inserts())
                    + number(rec, cols.updates())
                    + number(rec, cols.deletes()),
                number(rec, cols.seqScan()),
                number(rec, cols.seqRead()),
                number(rec, cols.live()),
                line));
      } catch (NumberFormatException e) {
        throw BadInputException.atLine(path, line, format, "not a number: " + e.getMessage());
      }
    }
  }

  /** The findings of the rows read: unused, duplicate and redundant indexes, scanned tables. */
  static void report(Rows rows, FindingSink sink) {
    List<Index> indexes = rows.indexes;
    boolean definitions = rows.definitions;
    String reset = rows.reset;
    if (!definitions) {
      sink.note(
          "the export has no index definitions (indexdef): unused indexes only; run the query in"
              + " docs/cli.md for duplicate and redundant ones");
    }
    String since = reset == null ? "since the statistics were last reset" : "since " + reset;
    Set<String> reported = new HashSet<>();
    // An unused or redundant index that is small on a table hardly written to costs nothing worth
    // an auditor's time (the empty tables of django.contrib.auth, a lookup table): counted in a
    // note, not reported. Duplicates are always reported: one of the two is a mistake.
    Set<String> negligible = new java.util.TreeSet<>();
    // Duplicates: the same method, columns and predicate on one table; the one kept is unique or
    // most scanned.
    Map<String, List<Index>> same = new LinkedHashMap<>();
    for (Index i : indexes) {
      if (!i.columns().isEmpty()) {
        same.computeIfAbsent(i.key(), k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Index> group : same.values()) {
      if (group.size() < 2) {
        continue;
      }
      List<Index> ranked = new ArrayList<>(group);
      ranked.sort(
          Comparator.comparing((Index i) -> !i.knownUnique())
              .thenComparing(Comparator.comparingLong(Index::scans).reversed())
              .thenComparing(Index::name));
      Index kept = ranked.get(0);
      for (Index extra : ranked.subList(1, ranked.size())) {
        if (extra.knownUnique()) {
          continue;
        }
        reported.add(extra.name());
        sink.accept(
            finding(
                "pg_indexes.duplicate",
                extra,
                Severity.MEDIUM,
                "Duplicate index " + extra.name() + " on " + extra.table(),
                extra.name()
                    + " indexes the same columns as "
                    + kept.name()
                    + " ("
                    + String.join(", ", extra.columns())
                    + ")"
                    + (kept.scans() == 0 && extra.scans() == 0
                        ? ", and neither was scanned " + since
                        : "")
                    + ": every write to "
                    + extra.table()
                    + " updates both and the planner uses one. Drop "
                    + extra.name()
                    + " (a migration removing its models.Index, db_index=True or RunSQL).",
                since));
      }
    }
    // Redundant: the columns lead a longer btree index of the same table (no predicate on either).
    for (Index a : indexes) {
      if (reported.contains(a.name())
          || a.knownUnique()
          || a.mayBeUnique()
          || !a.method().equals("btree")
          || !a.predicate().isEmpty()
          || a.columns().isEmpty()) {
        continue;
      }
      if (rows.costKnown && negligible(a)) {
        if (indexes.stream().anyMatch(b -> leads(a, b))) {
          negligible.add(a.name());
          reported.add(a.name());
        }
        continue;
      }
      for (Index b : indexes) {
        if (leads(a, b)) {
          reported.add(a.name());
          sink.accept(
              finding(
                  "pg_indexes.redundant",
                  a,
                  a.scans() == 0 ? Severity.MEDIUM : Severity.LOW,
                  "Redundant index " + a.name() + " on " + a.table(),
                  a.name()
                      + " ("
                      + String.join(", ", a.columns())
                      + ") is the leading part of "
                      + b.name()
                      + " ("
                      + String.join(", ", b.columns())
                      + "), which serves the same lookups. Drop "
                      + a.name()
                      + " unless its smaller size matters to a hot query.",
                  since));
          break;
        }
      }
    }
    for (Index i : indexes) {
      if (reported.contains(i.name()) || i.scans() > 0 || i.knownUnique() || i.mayBeUnique()) {
        continue;
      }
      if (rows.costKnown && negligible(i)) {
        negligible.add(i.name());
        continue;
      }
      sink.accept(
          finding(
              "pg_indexes.unused",
              i,
              i.tableWrites() >= 100_000 || i.bytes() >= 100L << 20
                  ? Severity.MEDIUM
                  : Severity.LOW,
              "Unused index " + i.name() + " on " + i.table(),
              i.name()
                  + " was never scanned "
                  + since
                  + (i.unique() == null
                      ? " (the export does not say whether it is unique: keep it if it enforces"
                          + " uniqueness)"
                      : "")
                  + ". It costs disk and every insert and update of "
                  + i.table()
                  + ". Check the statistics cover a normal week and the replicas, then drop it (a"
                  + " migration removing its models.Index or db_index=True).",
              since));
    }
    if (!negligible.isEmpty()) {
      sink.note(
          String.format(
              Locale.ROOT,
              "%d unused or redundant index%s under 1 MB on tables with fewer than 10,000 row"
                  + " writes %s left out (dropping them gains nothing measurable): %s",
              negligible.size(),
              negligible.size() == 1 ? "" : "es",
              since,
              negligible.size() <= 12
                  ? String.join(", ", negligible)
                  : String.join(", ", new ArrayList<>(negligible).subList(0, 12))
                      + " and "
                      + (negligible.size() - 12)
                      + " more"));
    }
    // Tables read mostly by sequential scans: large, scanned often, many rows per scan.
    Map<String, Index> tables = new LinkedHashMap<>();
    indexes.forEach(i -> tables.putIfAbsent(i.table(), i));
    for (Index t : tables.values()) {
      if (t.live() >= 100_000 && t.seqScan() >= 1_000 && t.seqRead() / t.seqScan() >= 50_000) {
        sink.accept(
            RawFinding.builder("pg_tables.seq-scans")
                .nativeRuleId("seq-scans")
                .title("Sequential scans on " + t.table() + " (" + count(t.live()) + " rows)")
                .description(
                    t.table()
                        + " was read by "
                        + count(t.seqScan())
                        + " sequential scans "
                        + since
                        + ", "
                        + count(t.seqRead() / t.seqScan())
                        + " rows each on average: a filter without an index. The Queries page's"
                        + " plans and statements on this table show which.")
                .category(Category.PERFORMANCE)
                .severity(Severity.MEDIUM)
                .confidence(Confidence.MEDIUM)
                .symbol(IndexSymbol.of(t.table(), "(table)", List.of()))
                .keyEvidence(t.table())
                .evidence(
                    Evidence.Kind.TEXT,
                    "seq_scan "
                        + t.seqScan()
                        + ", seq_tup_read "
                        + t.seqRead()
                        + ", n_live_tup "
                        + t.live())
                .defaultImpact(Impact.of(3))
                .defaultEffort(Effort.hours(2))
                .build());
      }
    }
  }

  /** Under 1 MB, on a table with fewer than 10,000 row writes since the statistics reset. */
  private static boolean negligible(Index i) {
    return i.bytes() < 1L << 20 && i.tableWrites() < 10_000;
  }

  /** Whether a's columns lead b's, both plain btree indexes of one table. */
  private static boolean leads(Index a, Index b) {
    return b != a
        && b.table().equals(a.table())
        && b.method().equals("btree")
        && b.predicate().isEmpty()
        && b.columns().size() > a.columns().size()
        && b.columns().subList(0, a.columns().size()).equals(a.columns());
  }

  private static RawFinding finding(
      String rule, Index i, Severity severity, String title, String description, String since) {
    return RawFinding.builder(rule)
        .nativeRuleId(rule.substring(rule.indexOf('.') + 1))
        .title(title)
        .description(description)
        .category(Category.PERFORMANCE)
        .severity(severity)
        .confidence(Confidence.MEDIUM)
        .symbol(IndexSymbol.of(i.table(), i.name(), i.columns()))
        .keyEvidence(i.table() + "." + i.name())
        .evidence(
            Evidence.Kind.TEXT,
            String.format(
                Locale.ROOT,
                "%s: %,d scans %s; %s; %,d row writes to %s in that time",
                i.name(),
                i.scans(),
                since,
                i.bytes() > 0 ? size(i.bytes()) : "size not exported",
                i.tableWrites(),
                i.table()))
        .defaultImpact(Impact.of(2))
        .defaultEffort(Effort.hours(1))
        .build();
  }

  /** Index columns as written, split at top-level commas ("lower((email)::text)", "id DESC"). */
  static List<String> splitColumns(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }

  private static boolean bool(String v) {
    String s = v.strip().toLowerCase(Locale.ROOT);
    return s.equals("t") || s.equals("true") || s.equals("1") || s.equals("yes");
  }

  private static long number(List<String> rec, int col) {
    if (col < 0 || rec.get(col).isBlank()) {
      return 0;
    }
    String v = rec.get(col).strip();
    return v.contains(".") ? (long) Double.parseDouble(v) : Long.parseLong(v);
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
    return String.format(Locale.ROOT, "%,d kB", bytes / 1024);
  }
}
