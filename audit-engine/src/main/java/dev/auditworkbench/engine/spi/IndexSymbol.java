package dev.auditworkbench.engine.spi;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an importer names a database index in a finding it cannot place in the code ({@code "pg-index
 * invoices_invoice invoice_currency_idx currency"}): the import places such findings on the model
 * of the table.
 */
public final class IndexSymbol {
  private static final Pattern SYMBOL = Pattern.compile("^pg-index (\\S+) (\\S+) (\\S*)$");

  /**
   * A table, one of its indexes and the index's columns (expressions as written, with ':' for
   * spaces: "reference:varchar_pattern_ops", "created_at:DESC").
   */
  public record Parts(String table, String index, List<String> columns) {}

  private IndexSymbol() {}

  public static String of(String table, String index, List<String> columns) {
    return "pg-index "
        + table
        + " "
        + index
        + " "
        + String.join(",", columns.stream().map(c -> c.strip().replaceAll("\\s+", ":")).toList());
  }

  public static Optional<Parts> parse(String symbol) {
    Matcher m = symbol == null ? null : SYMBOL.matcher(symbol);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Parts(
            m.group(1),
            m.group(2),
            m.group(3).isEmpty() ? List.of() : List.of(m.group(3).split(","))));
  }
}
