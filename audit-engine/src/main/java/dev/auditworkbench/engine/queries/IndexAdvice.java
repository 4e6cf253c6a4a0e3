package dev.auditworkbench.engine.queries;

import dev.auditworkbench.engine.django.DjangoInventory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The index a plan's filter asks for, read from the filter as PostgreSQL prints it (its deparsed
 * text, so an index on the same expression is one the planner matches):
 *
 * <ul>
 *   <li>plain and composite: the columns compared, equality first, then ranges ({@code <>} left
 *       out);
 *   <li>partial: {@code col IS NULL} / {@code IS NOT NULL} and boolean columns beside other
 *       conditions become the index's {@code WHERE} (a soft-delete filter), not a key column; so
 *       does a status column compared with literal values beside another key ({@code tenant_id = 7
 *       AND status = ANY ('{open,pending}')}, the typical list of open work per tenant): the index
 *       holds only those rows, a fraction of the table, and serves every tenant. A status column is
 *       one named {@code status} or {@code state} (or ending so); compared with a parameter ({@code
 *       $1}) its value is not fixed in the code, and it stays a key column;
 *   <li>expression: a function or cast of a column compared with a constant ({@code
 *       upper((email)::text)}, {@code ((created_at AT TIME ZONE 'UTC'::text))::date}) is indexed as
 *       that expression: a plain index on the column cannot serve it;
 *   <li>not indexable as written: {@code date_trunc(...)} or a {@code ::date} cast of a bare column
 *       depend on the session's time zone for a {@code timestamptz} (PostgreSQL refuses such an
 *       index): the advice is an index on the column and a range filter instead.
 * </ul>
 *
 * Each case was checked on PostgreSQL 15: the suggested index turns the plan's scan into an index
 * scan (importers/src/test/pg-capture/capture-index-advice.sh, IndexAdviceOnPostgresTest).
 */
public final class IndexAdvice {
  private static final Pattern BARE_COLUMN =
      Pattern.compile(
          "^\\(*(?:\\w+\\.)?\"?([a-z_][a-z0-9_]*)\"?\\)*(?:::[a-z ]+(?:\\(\\d+\\))?)?\\)*$");
  private static final Pattern CONSTANT =
      Pattern.compile(
          "^\\(*(?:'(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?|\\$\\d+|true|false|NULL)\\)*(?:::[a-z ]+(?:\\(\\d+\\))?(?:\\[\\])?)?\\)*$");
  private static final String[] OPERATORS = {
    " = ANY ", " >= ", " <= ", " <> ", " != ", " = ", " < ", " > ", " ~~ ", " ~~* "
  };
  private static final Pattern NULL_TEST =
      Pattern.compile("^\\(*(?:\\w+\\.)?\"?([a-z_][a-z0-9_]*)\"?\\)* IS (NOT )?NULL$");
  private static final Pattern BOOLEAN =
      Pattern.compile("^(NOT )?\\(*(?:\\w+\\.)?\"?([a-z_][a-z0-9_]*)\"?\\)*$");
  private static final Pattern COLUMN_IN = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\b(?![(':])");
  private static final Set<String> NOT_COLUMNS =
      Set.of(
          "text",
          "date",
          "timestamp",
          "time",
          "zone",
          "with",
          "without",
          "varying",
          "character",
          "integer",
          "bigint",
          "numeric",
          "at",
          "utc",
          "interval",
          "boolean",
          "day",
          "month",
          "year",
          "hour",
          "week",
          "minute",
          "second",
          "and",
          "or",
          "not",
          "is",
          "null",
          "true",
          "false",
          "any",
          "array",
          "double",
          "precision");

  /** A key part of the index: a column or an expression, with the model field it reads. */
  public record Part(String sql, String column, String function, boolean equality) {}

  /**
   * The advice: the index statement, its name, the parts and the partial predicate, the Django form
   * (null without a model), and a note when the filter cannot use an index as written.
   */
  public record Advice(
      String statement, String name, List<Part> parts, List<String> where, String rewrite) {}

  private IndexAdvice() {}

  /**
   * The index for a scan of {@code relation} whose {@code filter} dropped rows, beside what its
   * {@code indexCond} already serves (null for a sequential scan). Empty when nothing in the filter
   * can be indexed.
   */
  public static Optional<Advice> of(String relation, String filter, String indexCond) {
    List<Part> keys = new ArrayList<>();
    List<String> where = new ArrayList<>();
    List<String> nullable = new ArrayList<>();
    List<State> states = new ArrayList<>();
    String rewrite = null;
    for (String c : conjuncts(indexCond)) {
      Part p = comparison(c);
      if (p != null && p.function() == null) {
        keys.add(p);
      }
    }
    int served = keys.size();
    for (String c : conjuncts(filter)) {
      Matcher nullTest = NULL_TEST.matcher(c);
      if (nullTest.matches()) {
        where.add(nullTest.group(1) + (nullTest.group(2) == null ? " IS NULL" : " IS NOT NULL"));
        nullable.add(nullTest.group(1));
        continue;
      }
      Matcher bool = BOOLEAN.matcher(c);
      if (bool.matches() && !c.contains(" ")) {
        where.add(c);
        nullable.add(bool.group(2));
        continue;
      }
      if (bool.matches() && bool.group(1) != null) {
        where.add("NOT " + bool.group(2));
        nullable.add(bool.group(2));
        continue;
      }
      Part found = comparison(c);
      if (found == null) {
        continue;
      }
      State state = state(c, found);
      if (state != null) {
        states.add(state);
        continue;
      }
      Part p = found;
      if (p.function() != null && !indexable(p.sql())) {
        rewrite =
            String.format(
                Locale.ROOT,
                "as written, %s cannot use any index (on a timestamp with time zone it depends"
                    + " on the session's time zone, so PostgreSQL will not index it): filter on a range of %s instead"
                    + " (%s >= start AND %s < end; Django: %s__gte=..., %s__lt=...), which this index serves",
                p.sql(),
                p.column(),
                p.column(),
                p.column(),
                p.column(),
                p.column());
        p = new Part(p.column(), p.column(), null, false);
      }
      String sql = p.sql();
      if (keys.stream().noneMatch(k -> k.sql().equals(sql))) {
        keys.add(p);
      }
    }
    if (!states.isEmpty() && keys.isEmpty()) {
      // A status alone: its own column is the key.
      states.forEach(st -> keys.add(new Part(st.column(), st.column(), null, true)));
      states.clear();
    }
    states.forEach(st -> where.add(st.predicate()));
    if (keys.size() == served && states.isEmpty()) {
      // Only null tests or flags: index those columns themselves.
      for (String col : nullable) {
        if (keys.stream().noneMatch(k -> k.sql().equals(col))) {
          keys.add(new Part(col, col, null, true));
        }
      }
      where.clear();
    }
    if (keys.size() == served && states.isEmpty()) {
      return Optional.empty();
    }
    List<Part> ordered = new ArrayList<>(keys.subList(0, served));
    keys.subList(served, keys.size()).stream().filter(Part::equality).forEach(ordered::add);
    keys.subList(served, keys.size()).stream().filter(k -> !k.equality()).forEach(ordered::add);
    List<String> names = new ArrayList<>();
    List<String> items = new ArrayList<>();
    for (Part k : ordered) {
      names.add(k.function() == null ? k.column() : k.function() + "_" + k.column());
      items.add(k.function() == null ? k.sql() : "(" + k.sql() + ")");
    }
    for (State st : states) {
      st.values()
          .forEach(v -> names.add(v.replaceAll("[^A-Za-z0-9_]", "").toLowerCase(Locale.ROOT)));
    }
    String name = relation + "_" + String.join("_", names) + "_idx";
    if (name.length() > 63) { // PostgreSQL's identifier limit
      name = name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode() & 0xfffff) + "_idx";
    }
    String statement =
        "CREATE INDEX CONCURRENTLY "
            + name
            + " ON "
            + relation
            + " ("
            + String.join(", ", items)
            + ")"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + ";";
    return Optional.of(
        new Advice(statement, name, List.copyOf(ordered), List.copyOf(where), rewrite));
  }

  /**
   * The same index in Django's terms: the {@code Meta.indexes} entry (field names; functional
   * indexes as {@code Upper}/{@code Lower}/{@code TruncDate}, Django 3.2+; a partial index's {@code
   * condition}), and the migration operation that adds it. Expressions Django cannot write go into
   * a {@code RunSQL} migration.
   */
  public static String django(DjangoInventory.Model m, Advice a) {
    String modelName = m.qualname().substring(m.qualname().lastIndexOf('.') + 1);
    List<String> parts = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    boolean functional = false;
    for (Part p : a.parts()) {
      String field = fieldOf(m, p.column()).map(DjangoInventory.Field::name).orElse(p.column());
      fields.add(field);
      if (p.function() == null) {
        parts.add("\"" + field + "\"");
      } else {
        functional = true;
        String expr =
            switch (p.function()) {
              case "upper" -> "Upper(\"" + field + "\")";
              case "lower" -> "Lower(\"" + field + "\")";
              case "date" ->
                  p.sql().toLowerCase(Locale.ROOT).contains("at time zone")
                      ? "TruncDate(\"" + field + "\")"
                      : null;
              default -> null;
            };
        if (expr == null) {
          return "# Django cannot write this expression index; add it with a migration:\n"
              + "migrations.RunSQL(\""
              + a.statement().replace("\"", "\\\"")
              + "\", reverse_sql=\"DROP INDEX CONCURRENTLY "
              + a.name()
              + ";\")  # in a migration with atomic = False";
        }
        parts.add(expr);
      }
    }
    List<String> conditions = new ArrayList<>();
    for (String w : a.where()) {
      Matcher state = STATE_PREDICATE.matcher(w);
      if (state.matches()) {
        String field =
            fieldOf(m, state.group(1)).map(DjangoInventory.Field::name).orElse(state.group(1));
        List<String> values = new ArrayList<>();
        for (String v :
            state.group(3) != null ? state.group(3).split(", ") : new String[] {state.group(2)}) {
          values.add(
              v.startsWith("'")
                  ? "\""
                      + v.substring(1, v.length() - 1).replace("''", "'").replace("\"", "\\\"")
                      + "\""
                  : v);
        }
        values.forEach(v -> fields.add(v.replaceAll("[^A-Za-z0-9_]", "")));
        conditions.add(
            values.size() == 1
                ? field + "=" + values.get(0)
                : field + "__in=[" + String.join(", ", values) + "]");
        continue;
      }
      String col =
          w.replace("NOT ", "").replace(" IS NULL", "").replace(" IS NOT NULL", "").strip();
      String field = fieldOf(m, col).map(DjangoInventory.Field::name).orElse(col);
      conditions.add(
          w.endsWith("IS NULL") && !w.endsWith("NOT NULL")
              ? field + "__isnull=True"
              : w.endsWith("IS NOT NULL")
                  ? field + "__isnull=False"
                  : w.startsWith("NOT ") ? field + "=False" : field + "=True");
    }
    String base = (modelName + "_" + String.join("_", fields)).toLowerCase(Locale.ROOT);
    String name =
        base.length() + 4 <= 30
            ? base + "_idx"
            : base.substring(0, 22) + "_" + Integer.toHexString(base.hashCode() & 0xffff) + "_ix";
    name = name.length() > 30 ? name.substring(0, 30) : name;
    String index =
        "models.Index("
            + (functional
                ? String.join(", ", parts) + ", "
                : "fields=[" + String.join(", ", parts) + "], ")
            + "name=\""
            + name
            + "\""
            + (conditions.isEmpty() ? "" : ", condition=Q(" + String.join(", ", conditions) + ")")
            + ")";
    return "class Meta:\n    indexes = ["
        + index
        + "]"
        + (functional ? "  # from django.db.models.functions import " + imports(parts) : "")
        + "\n\n# migration (Django 3.2+: AddIndexConcurrently from django.contrib.postgres.operations"
        + " avoids locking the table)\nmigrations.AddIndex(model_name=\""
        + modelName.toLowerCase(Locale.ROOT)
        + "\", index="
        + index
        + ")";
  }

  private static String imports(List<String> parts) {
    Set<String> names = new LinkedHashSet<>();
    for (String p : parts) {
      int paren = p.indexOf('(');
      if (paren > 0) {
        names.add(p.substring(0, paren));
      }
    }
    return String.join(", ", names);
  }

  private static final Pattern STATE_PREDICATE =
      Pattern.compile("^(\\w+) (?:= ('(?:[^']|'')*'|-?\\d+)|IN \\((.*)\\))$");

  /**
   * For a partial index on a status list: what it serves and what serves more, since it helps only
   * the queries that ask for those statuses.
   */
  public static Optional<String> statusNote(Advice a) {
    for (String w : a.where()) {
      Matcher state = STATE_PREDICATE.matcher(w);
      if (state.matches()) {
        List<String> keys = new ArrayList<>();
        a.parts().forEach(p -> keys.add(p.column()));
        keys.add(state.group(1));
        return Optional.of(
            String.format(
                Locale.ROOT,
                "the index holds only the rows where %s, so it stays small and serves every"
                    + " query asking for those; if other values of %s are queried as often,"
                    + " (%s) serves them all",
                w,
                state.group(1),
                String.join(", ", keys)));
      }
    }
    return Optional.empty();
  }

  /** The model field a column stores: by name, by its "_id" column, or by db_column. */
  static Optional<DjangoInventory.Field> fieldOf(DjangoInventory.Model m, String column) {
    return m.fields().stream()
        .filter(
            f ->
                column.equals(f.name())
                    || column.equals(f.name() + "_id")
                    || column.equals(
                        f.options()
                            .getOrDefault("db_column", "")
                            .replace("\"", "")
                            .replace("'", "")))
        .findFirst();
  }

  /** An expression PostgreSQL can index: immutable whatever the column's type. */
  private static boolean indexable(String expr) {
    String e = expr.toLowerCase(Locale.ROOT);
    boolean zoned = e.contains(" at time zone ") || e.contains("timezone(");
    if (e.contains("date_trunc(")
        || e.contains("::date")
        || e.contains("::timestamp")
        || e.contains("date_part(")
        || e.contains("extract(")) {
      return zoned;
    }
    return true;
  }

  private static final Pattern STATE_NAME = Pattern.compile("(?:\\w+_)?(?:status|state)");
  private static final Pattern LITERAL =
      Pattern.compile("^\\(*('(?:[^']|'')*'|-?\\d+)\\)*(?:::[a-z ]+(?:\\(\\d+\\))?)?\\)*$");
  private static final Pattern LITERAL_ARRAY =
      Pattern.compile("^\\(*'\\{([^}\"]*)\\}'(?:::[a-z ]+(?:\\(\\d+\\))?\\[\\])?\\)*$");

  /**
   * A status column compared with literal values: the column, the values as written in the code
   * (quoted strings keep their quotes) and the partial index's predicate.
   */
  record State(String column, List<String> values, boolean text) {
    String predicate() {
      List<String> sql =
          values.stream().map(v -> text ? "'" + v.replace("'", "''") + "'" : v).toList();
      return sql.size() == 1
          ? column + " = " + sql.get(0)
          : column + " IN (" + String.join(", ", sql) + ")";
    }
  }

  /** The condition as a status filter with values fixed in the code, or null. */
  private static State state(String c, Part p) {
    if (!p.equality() || p.function() != null || !STATE_NAME.matcher(p.column()).matches()) {
      return null;
    }
    int any = topLevel(c, " = ANY ");
    int eq = any >= 0 ? any : topLevel(c, " = ");
    if (eq < 0) {
      return null;
    }
    String right = c.substring(eq + (any >= 0 ? 7 : 3)).strip();
    if (any >= 0) {
      Matcher array = LITERAL_ARRAY.matcher(right);
      if (!array.matches() || array.group(1).isBlank()) {
        return null;
      }
      List<String> values = List.of(array.group(1).split(","));
      boolean text =
          right.contains("::text[]")
              || right.contains("character varying[]")
              || values.stream().anyMatch(v -> !v.matches("-?\\d+"));
      return new State(p.column(), values, text);
    }
    Matcher literal = LITERAL.matcher(right);
    if (!literal.matches()) {
      return null; // a parameter ($1) or another column: the value is not fixed
    }
    String v = literal.group(1);
    boolean text = v.startsWith("'");
    return new State(
        p.column(), List.of(text ? v.substring(1, v.length() - 1).replace("''", "'") : v), text);
  }

  /** "col op constant" or "expr op constant": the part it asks for, or null. */
  private static Part comparison(String c) {
    for (String op : OPERATORS) {
      int at = topLevel(c, op);
      if (at < 0) {
        continue;
      }
      if (op.equals(" <> ") || op.equals(" != ")) {
        return null;
      }
      String left = c.substring(0, at).strip();
      String right = c.substring(at + op.length()).strip();
      boolean equality = op.equals(" = ") || op.equals(" = ANY ");
      // A constant, a parameter, an array or another table's column (the inner side of a nested
      // loop); compared with any other expression, the condition is not one an index serves.
      if (!CONSTANT.matcher(right).matches()
          && !right.startsWith("'{")
          && !right.startsWith("(SubPlan")
          && !right.startsWith("($")
          && !BARE_COLUMN.matcher(right).matches()) {
        return null;
      }
      Matcher bare = BARE_COLUMN.matcher(left);
      if (bare.matches()) {
        return new Part(bare.group(1), bare.group(1), null, equality);
      }
      String expr = strip(left);
      String column = null;
      Matcher cols = COLUMN_IN.matcher(expr.replaceAll("'(?:[^']|'')*'", "''"));
      while (cols.find()) {
        if (!NOT_COLUMNS.contains(cols.group(1))) {
          column = cols.group(1);
          break;
        }
      }
      if (column == null) {
        return null;
      }
      String fn = expr.toLowerCase(Locale.ROOT);
      String function =
          fn.startsWith("upper(")
              ? "upper"
              : fn.startsWith("lower(")
                  ? "lower"
                  : fn.startsWith("date_trunc(")
                      ? "trunc"
                      : fn.endsWith("::date")
                          ? "date"
                          : fn.contains("(")
                              ? fn.substring(0, fn.indexOf('(')).replaceAll("[^a-z_]", "")
                              : "expr";
      return new Part(expr, column, function.isEmpty() ? "expr" : function, equality);
    }
    return null;
  }

  /** The expression without the parentheses that wrap all of it. */
  private static String strip(String s) {
    String t = s.strip();
    while (t.startsWith("(") && t.endsWith(")") && closing(t, 0) == t.length() - 1) {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }

  /**
   * The parenthesis depth at each character of a condition, before the character is read; -1 inside
   * a quoted literal.
   */
  private static int[] depths(String s) {
    int[] out = new int[s.length()];
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      out[i] = quoted || ch == '\'' ? -1 : depth;
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
      }
    }
    return out;
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1. */
  private static int closing(String s, int open) {
    int[] d = depths(s);
    for (int i = open + 1; i < s.length(); i++) {
      if (s.charAt(i) == ')' && d[i] == d[open] + 1) {
        return i;
      }
    }
    return -1;
  }

  /** Where {@code op} occurs outside parentheses and quotes, or -1. */
  private static int topLevel(String s, String op) {
    int[] d = depths(s);
    for (int i = 0; i + op.length() <= s.length(); i++) {
      if (d[i] == 0 && s.startsWith(op, i)) {
        return i;
      }
    }
    return -1;
  }

  /** The top-level AND parts of a condition, each without its wrapping parentheses. */
  static List<String> conjuncts(String condition) {
    List<String> out = new ArrayList<>();
    if (condition == null || condition.isBlank()) {
      return out;
    }
    String s = strip(condition);
    int[] d = depths(s);
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (d[i] == 0 && s.startsWith(" AND ", i)) {
        out.add(strip(s.substring(start, i)));
        start = i + 5;
      } else if (d[i] == 0 && s.startsWith(" OR ", i)) {
        return List.of(); // a disjunction: no single index to suggest
      }
    }
    out.add(strip(s.substring(start)));
    return out;
  }
}
