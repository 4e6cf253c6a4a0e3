package dev.auditworkbench.engine.report;

import static org.apache.commons.text.StringEscapeUtils.escapeXml10;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the report writes numbers and SQL, one way everywhere: counts with thousands separators
 * ("3,095"), durations in milliseconds by one rule ({@link #ms}), and SQL cut only between tokens
 * and wrapped only between them (never inside {@code "invoices_invoice"."status"}).
 */
final class ReportFilters extends AbstractExtension {
  /** Statements longer than this are cut (at a token boundary) in tables. */
  static final int SQL_LIMIT = 220;

  /** Tokens longer than this may still break (a cell must not overflow). */
  private static final int LONGEST_UNBROKEN = 48;

  @Override
  public Map<String, Filter> getFilters() {
    return Map.of(
        "count", simple(v -> count(((Number) v).longValue())),
        "ms", simple(v -> ms(((Number) v).doubleValue())),
        "sql", new SqlFilter());
  }

  /** "3,095". */
  static String count(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }

  /**
   * A duration in milliseconds as the report writes them all: whole numbers from 100 ms ("1,204"),
   * one decimal from 10 ms ("27.2"), two below ("0.19"); "-" when unknown.
   */
  static String ms(double v) {
    return dev.auditworkbench.engine.model.Words.millis(v);
  }

  /**
   * SQL for a table cell, as safe HTML: cut at the last space or comma before {@code limit}
   * characters (" ..." added), each token kept on one line so a wrap never splits an identifier.
   */
  static String sql(String text, int limit) {
    String s = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    boolean cut = false;
    if (s.length() > limit) {
      int at = s.lastIndexOf(" ", limit);
      s = s.substring(0, at > limit / 2 ? at : limit).stripTrailing();
      cut = true;
    }
    StringBuilder out = new StringBuilder();
    for (String token : s.split(" ")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      if (token.length() <= LONGEST_UNBROKEN) {
        out.append("<span class=\"nowrap\">").append(escapeXml10(token)).append("</span>");
      } else {
        out.append(escapeXml10(token));
      }
    }
    if (cut) {
      out.append(" ...");
    }
    return out.toString();
  }

  private static Filter simple(java.util.function.Function<Object, String> f) {
    return new Filter() {
      @Override
      public List<String> getArgumentNames() {
        return List.of();
      }

      @Override
      public Object apply(
          Object input,
          Map<String, Object> args,
          PebbleTemplate self,
          EvaluationContext context,
          int lineNumber) {
        return input == null ? "" : f.apply(input);
      }
    };
  }

  private static final class SqlFilter implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return List.of("limit");
    }

    @Override
    public Object apply(
        Object input,
        Map<String, Object> args,
        PebbleTemplate self,
        EvaluationContext context,
        int lineNumber) {
      Object limit = args.get("limit");
      int n = limit instanceof Number num ? num.intValue() : SQL_LIMIT;
      return new SafeString(sql(input == null ? "" : input.toString(), n));
    }
  }
}
