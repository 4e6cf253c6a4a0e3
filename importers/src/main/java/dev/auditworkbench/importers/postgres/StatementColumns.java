package dev.auditworkbench.importers.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a pg_stat_statements export keeps each figure, found by the meaning of the column names
 * rather than one spelling: PostgreSQL 12's {@code total_time}, 13+'s {@code total_exec_time},
 * exports that add a unit ({@code total_exec_time_ms}, {@code total_time_s}), title-cased headers
 * of GUI tools ({@code "Total Exec Time"}), a table prefix ({@code s.calls}), and exports with a
 * mean but no total (total = mean x calls). Time columns in seconds ({@code _s}, {@code _sec},
 * {@code _seconds}) are read as seconds; everything else as pg_stat_statements' milliseconds.
 */
record StatementColumns(
    int query,
    int calls,
    int total,
    boolean totalFromMean,
    double totalScale,
    int max,
    double maxScale,
    int rows,
    List<String> used) {
  private static final List<String> QUERY =
      List.of("query", "query_text", "querytext", "statement", "sql");
  private static final List<String> CALLS =
      List.of("calls", "call_count", "num_calls", "executions", "exec_count");
  private static final List<String> TOTAL =
      List.of("total_exec_time", "total_time", "total_exec", "total");
  private static final List<String> MEAN =
      List.of(
          "mean_exec_time",
          "mean_time",
          "avg_exec_time",
          "avg_time",
          "mean",
          "avg",
          "average_time");
  private static final List<String> MAX = List.of("max_exec_time", "max_time", "max");
  private static final List<String> ROWS = List.of("rows", "row_count", "rows_returned");

  /**
   * The columns of a header, or null when it lacks the query, the calls or a total (or mean) time.
   */
  static StatementColumns of(List<String> header) {
    List<String> names = new ArrayList<>();
    for (String h : header) {
      names.add(normalise(h));
    }
    int query = find(names, QUERY, false);
    int calls = find(names, CALLS, false);
    int total = find(names, TOTAL, true);
    int mean = total < 0 ? find(names, MEAN, true) : -1;
    if (query < 0 || calls < 0 || total < 0 && mean < 0) {
      return null;
    }
    int max = find(names, MAX, true);
    int rows = find(names, ROWS, false);
    int time = total >= 0 ? total : mean;
    List<String> used = new ArrayList<>();
    used.add("query from " + quoted(header.get(query)));
    used.add("calls from " + quoted(header.get(calls)));
    used.add(
        total >= 0
            ? "total time from " + quoted(header.get(total)) + unit(names.get(total))
            : "total time = calls x " + quoted(header.get(mean)) + unit(names.get(mean)));
    if (max >= 0) {
      used.add("max from " + quoted(header.get(max)) + unit(names.get(max)));
    }
    if (rows >= 0) {
      used.add("rows from " + quoted(header.get(rows)));
    }
    return new StatementColumns(
        query,
        calls,
        time,
        total < 0,
        scale(names.get(time)),
        max,
        max < 0 ? 1 : scale(names.get(max)),
        rows,
        List.copyOf(used));
  }

  /** The note for the import's summary: which column gave which figure. */
  String note() {
    return "pg_stat_statements columns read: " + String.join("; ", used);
  }

  /** Total milliseconds of a row, from the total column or mean x calls. */
  double totalMs(double value, long callCount) {
    double ms = value * totalScale;
    return totalFromMean ? ms * callCount : ms;
  }

  static String normalise(String name) {
    String n = name.strip();
    if (!n.isEmpty() && n.charAt(0) == '\uFEFF') {
      n = n.substring(1);
    }
    if (n.length() >= 2
        && (n.startsWith("\"") && n.endsWith("\"") || n.startsWith("'") && n.endsWith("'"))) {
      n = n.substring(1, n.length() - 1);
    }
    int dot = n.lastIndexOf('.');
    if (dot >= 0) {
      n = n.substring(dot + 1); // s.calls, pg_stat_statements.query
    }
    n = n.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_").replaceAll("[()\\[\\]]", "");
    return n.replaceAll("_+$", "");
  }

  /**
   * The first column named by one of the meanings, in their order; with {@code timed}, a unit
   * suffix is allowed.
   */
  private static int find(List<String> names, List<String> meanings, boolean timed) {
    for (String meaning : meanings) {
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i);
        if (n.equals(meaning)
            || timed
                && (n.equals(meaning + "_ms")
                    || n.equals(meaning + "_msec")
                    || n.equals(meaning + "_millis")
                    || n.equals(meaning + "_milliseconds")
                    || isSeconds(n, meaning))) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean isSeconds(String n, String meaning) {
    return n.equals(meaning + "_s")
        || n.equals(meaning + "_sec")
        || n.equals(meaning + "_secs")
        || n.equals(meaning + "_seconds");
  }

  private static double scale(String name) {
    return name.endsWith("_s")
            || name.endsWith("_sec")
            || name.endsWith("_secs")
            || name.endsWith("_seconds")
        ? 1000
        : 1;
  }

  private static String unit(String name) {
    return scale(name) == 1000 ? " (seconds)" : " (ms)";
  }

  private static String quoted(String header) {
    return "'" + header.strip().replace("\uFEFF", "") + "'";
  }
}
