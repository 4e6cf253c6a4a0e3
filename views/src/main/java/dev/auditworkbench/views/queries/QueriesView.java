package dev.auditworkbench.views.queries;

import dev.auditworkbench.engine.queries.QueryAnalysis;
import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.common.Texts;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The Queries page: N+1 patterns per route, statements by total time, route latency and plan
 * problems, each a sortable table; the selected row's SQL, view and figures below it.
 */
public final class QueriesView extends BorderPane {
  private final QueriesViewModel model;
  private final Label summary = new Label();
  private final TableView<QueryAnalysis.NPlusOne> nPlusOnes = new TableView<>();
  private final TableView<QueryAnalysis.Statement> statements = new TableView<>();
  private final TableView<QueryAnalysis.RouteLatency> routes = new TableView<>();
  private final TableView<QueryAnalysis.PlanIssue> plans = new TableView<>();
  private final TableView<QueriesViewModel.OutsideCall> outside = new TableView<>();
  private final CodeArea detail = new CodeArea();
  private final TabPane tabs = new TabPane();
  private final Map<Tab, TableView<?>> tableOf = new HashMap<>();
  private final LineChart<String, Number> latency =
      new LineChart<>(new CategoryAxis(), new NumberAxis());

  public QueriesView(QueriesViewModel model) {
    this.model = model;
    setId("queries-view");
    getStyleClass().add(Css.PAGE);
    nPlusOnes.setId("queries-n-plus-one");
    statements.setId("queries-statements");
    routes.setId("queries-routes");
    plans.setId("queries-plans");
    detail.setId("queries-detail");
    detail.setEditable(false);
    detail.setWrapText(true);
    detail.getStyleClass().add("sql-area");
    detail.getStylesheets().add(QueriesView.class.getResource("sql.css").toExternalForm());
    summary.setId("queries-summary");
    summary.getStyleClass().add(Css.MUTED);
    summary.setWrapText(true); // two sources and their counts run past 1366 px

    column(nPlusOnes, "Route", 320, QueryAnalysis.NPlusOne::route);
    number(nPlusOnes, "Repeats", n -> (double) n.repeats(), "%,.0f");
    column(nPlusOnes, "Model", 240, n -> n.model() != null ? n.model() : String.valueOf(n.table()));
    number(nPlusOnes, "Requests", n -> (double) n.requests(), "%,.0f");
    number(nPlusOnes, "ms / request", QueryAnalysis.NPlusOne::msPerRequest, "%,.1f");
    column(
        nPlusOnes, "View", 260, n -> n.viewPath() == null ? "" : n.viewPath() + ":" + n.viewLine());

    number(statements, "Share %", s -> 100 * s.share(), "%,.1f");
    number(statements, "Calls", s -> (double) s.calls(), "%,.0f");
    number(statements, "Total ms", QueryAnalysis.Statement::totalMs, "%,.1f");
    number(statements, "Mean ms", QueryAnalysis.Statement::meanMs, "%.2f");
    number(statements, "p95 ms", QueryAnalysis.Statement::p95Ms, "%.2f");
    number(statements, "Max ms", QueryAnalysis.Statement::maxMs, "%,.1f");
    number(statements, "Rows", s -> s.rows() < 0 ? Double.NaN : (double) s.rows(), "%,.0f");
    column(statements, "Tables", 200, s -> String.join(", ", s.tables()));
    column(statements, "Model", 200, s -> s.model() == null ? "" : s.model());
    column(statements, "Statement", 520, QueryAnalysis.Statement::normalized);

    column(routes, "Route", 320, QueryAnalysis.RouteLatency::route);
    number(routes, "Requests", r -> (double) r.requests(), "%,.0f");
    number(routes, "p50 ms", QueryAnalysis.RouteLatency::p50, "%,.0f");
    number(routes, "p95 ms", QueryAnalysis.RouteLatency::p95, "%,.0f");
    number(routes, "p99 ms", QueryAnalysis.RouteLatency::p99, "%,.0f");
    column(
        routes,
        "Changed",
        240,
        r ->
            r.changedOn() == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    "%s: %.0f -> %.0f ms",
                    r.changedOn(),
                    r.p95Before(),
                    r.p95After()));

    column(plans, "Problem", 140, QueryAnalysis.PlanIssue::kind);
    column(plans, "Table", 160, p -> p.relation() == null ? "" : p.relation());
    column(plans, "Suggestion", 520, QueryAnalysis.PlanIssue::suggestion);
    column(plans, "Model", 200, p -> p.modelPath() == null ? "" : p.modelPath() + ":" + p.line());

    nPlusOnes
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, n) ->
                setDetail(
                    n == null
                        ? ""
                        :
                        // The pane is SQL: what is said about the statement is written as SQL
                        // comments.
                        String.format(
                            Locale.ROOT,
                            "-- %s: %d x the statement below in each of %s (%.1f ms each)%s%n%n%s",
                            n.route(),
                            n.repeats(),
                            Texts.count(n.requests(), "request"),
                            n.msPerRequest(),
                            n.view() == null
                                ? ""
                                : "\n-- Served by "
                                    + n.view()
                                    + " ("
                                    + n.viewPath()
                                    + ":"
                                    + n.viewLine()
                                    + ")",
                            SqlText.format(n.example()))));
    statements
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, s) ->
                setDetail(
                    s == null
                        ? ""
                        : SqlText.format(s.normalized())
                            + "\n\n-- Example:\n"
                            + SqlText.format(s.example())
                            + (s.model() == null ? "" : "\n\n-- Model: " + s.model())));
    routes
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, r) -> {
              if (r == null) {
                setDetail("");
                return;
              }
              StringBuilder sb =
                  new StringBuilder(
                      r.route()
                          + (r.viewPath() == null
                              ? ""
                              : "  ->  " + r.viewPath() + ":" + r.viewLine())
                          + "\nday          requests  p50  p95  p99 (ms)\n");
              r.days()
                  .forEach(
                      d ->
                          sb.append(
                              String.format(
                                  Locale.ROOT,
                                  "%s %9d %5.0f %5.0f %5.0f%n",
                                  d.day(),
                                  d.requests(),
                                  d.p50(),
                                  d.p95(),
                                  d.p99())));
              setDetail(sb.toString());
            });
    plans
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, p) ->
                setDetail(
                    p == null
                        ? ""
                        : p.detail() + "\n\n" + p.suggestion() + "\n\nFrom: " + p.example()));
    Tab routesTab = tab("Routes", routes);
    SplitPane routeSplit = new SplitPane(routes, latency);
    routeSplit.setDividerPositions(0.55);
    routesTab.setContent(routeSplit);
    latency.setId("queries-latency-chart");
    latency.setTitle("Select a route for its daily latency");
    latency.setAnimated(false);
    latency.setCreateSymbols(true);
    latency.setLegendVisible(true);
    routes.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> chart(r));
    Tab nPlusOneTab = tab("N+1", nPlusOnes);
    Tab statementsTab = tab("Statements", statements);
    Tab plansTab = tab("Plans", plans);
    Tab outsideTab = tab("Outside calls", outside);
    outside.setPlaceholder(
        new Label(
            "No outside calls: none found in the code's request paths, and no traces with HTTP"
                + " client spans imported."));
    column(outside, "Route", 300, QueriesViewModel.OutsideCall::route);
    column(outside, "From", 70, QueriesViewModel.OutsideCall::source);
    column(outside, "Waits on", 220, QueriesViewModel.OutsideCall::target);
    column(outside, "Finding", 360, QueriesViewModel.OutsideCall::title);
    column(outside, "Where", 200, QueriesViewModel.OutsideCall::where);
    outside
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, c) ->
                // The pane is SQL: prose is written as SQL comments, as for the N+1 rows.
                setDetail(c == null ? "" : "-- " + c.detail().replace("\n", "\n-- ")));
    tableOf.put(outsideTab, outside);
    tableOf.put(nPlusOneTab, nPlusOnes);
    tableOf.put(statementsTab, statements);
    tableOf.put(routesTab, routes);
    tableOf.put(plansTab, plans);
    tabs.getTabs().addAll(nPlusOneTab, statementsTab, routesTab, plansTab, outsideTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> showShownTabRow());

    Label title = new Label("Queries");
    title.getStyleClass().add(Css.PAGE_TITLE);
    VBox top = new VBox(2, title, summary);
    top.setPadding(new Insets(0, 0, 8, 0));
    setTop(top);
    SplitPane split = new SplitPane(tabs, new VirtualizedScrollPane<>(detail));
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.72);
    setCenter(split);
    model
        .outsideProperty()
        .addListener((o, a, list) -> outside.setItems(FXCollections.observableArrayList(list)));
    outside.setItems(FXCollections.observableArrayList(model.outsideProperty().get()));
    model.resultProperty().addListener((o, a, r) -> show(r));
    model.loadedProperty().addListener((o, a, b) -> show(model.resultProperty().get()));
    show(model.resultProperty().get());
  }

  /** Daily p50/p95/p99 of a route, and where its p95 changed level (a series of its own). */
  private void chart(QueryAnalysis.RouteLatency r) {
    latency.getData().clear();
    if (r == null) {
      latency.setTitle("Select a route for its daily latency");
      return;
    }
    latency.setTitle(
        r.route()
            + (r.changedOn() == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    " - p95 changed on %s (%.0f -> %.0f ms)",
                    r.changedOn(),
                    r.p95Before(),
                    r.p95After())));
    String[] names = {"p50", "p95", "p99"};
    for (int k = 0; k < 3; k++) {
      XYChart.Series<String, Number> series = new XYChart.Series<>();
      series.setName(names[k] + " ms");
      for (QueryAnalysis.RouteDay d : r.days()) {
        double v = k == 0 ? d.p50() : k == 1 ? d.p95() : d.p99();
        series.getData().add(new XYChart.Data<>(d.day().toString(), v));
      }
      latency.getData().add(series);
    }
    if (r.changedOn() != null) {
      XYChart.Series<String, Number> change = new XYChart.Series<>();
      change.setName("change point");
      r.days().stream()
          .filter(d -> d.day().equals(r.changedOn()))
          .findFirst()
          .ifPresent(d -> change.getData().add(new XYChart.Data<>(d.day().toString(), d.p95())));
      latency.getData().add(change);
    }
  }

  /**
   * The detail pane never sits empty below a table with rows: the shown tab's selected row is
   * explained there, its first row when none is selected.
   */
  private void showShownTabRow() {
    TableView<?> table = tableOf.get(tabs.getSelectionModel().getSelectedItem());
    if (table == null || table.getItems().isEmpty()) {
      setDetail("");
      return;
    }
    int row = Math.max(0, table.getSelectionModel().getSelectedIndex());
    table.getSelectionModel().clearSelection();
    table.getSelectionModel().select(row);
  }

  /** Shows text with its SQL highlighted. */
  private void setDetail(String text) {
    detail.replaceText(text);
    if (!text.isEmpty()) {
      detail.setStyleSpans(0, SqlText.highlight(text));
    }
    detail.moveTo(0);
    detail.requestFollowCaret();
  }

  private static Tab tab(String name, TableView<?> table) {
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    table.setPlaceholder(
        new Label("Nothing here: import query logs, traces or an access log (Ctrl+I)."));
    Tab t = new Tab(name, table);
    t.setId("queries-tab-" + name.toLowerCase(Locale.ROOT).replace("+", "plus"));
    return t;
  }

  private void show(Optional<QueryAnalysis.Result> result) {
    if (!model.loadedProperty().get()) {
      summary.setText("Reading the captured traffic...");
      return;
    }
    if (result.isEmpty() || QueriesViewModel.isEmpty(result.get())) {
      summary.setText(
          "No query data yet: import a PostgreSQL log, Django SQL log, OTLP traces, pg_stat_statements,"
              + " EXPLAIN plans or an access log (Ctrl+I).");
      nPlusOnes.getItems().clear();
      statements.getItems().clear();
      routes.getItems().clear();
      plans.getItems().clear();
      return;
    }
    QueryAnalysis.Result r = result.get();
    summary.setText(
        String.format(
            Locale.ROOT,
            "%d N+1 patterns, %d statements (%.0f ms from %s), %d routes, %d plan problems; %d of %d request windows matched to a route",
            r.nPlusOnes().size(),
            r.statements().size(),
            r.totalMs(),
            r.statementSource() == null ? "-" : r.statementSource(),
            r.routes().size(),
            r.planIssues().size(),
            r.windowsWithRoute(),
            r.windows()));
    nPlusOnes.setItems(FXCollections.observableArrayList(r.nPlusOnes()));
    statements.setItems(FXCollections.observableArrayList(r.statements()));
    routes.setItems(FXCollections.observableArrayList(r.routes()));
    plans.setItems(FXCollections.observableArrayList(r.planIssues()));
    showShownTabRow();
  }

  private static <T> void column(
      TableView<T> table, String name, double width, Function<T, String> value) {
    TableColumn<T, String> c = new TableColumn<>(name);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
    c.setPrefWidth(width);
    table.getColumns().add(c);
  }

  private static <T> void number(
      TableView<T> table, String name, Function<T, Double> value, String format) {
    TableColumn<T, Double> c = new TableColumn<>(name);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
    c.setMinWidth(30 + 7.5 * name.length()); // the header whole ("ms / request")
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(
                    empty || item == null
                        ? null
                        : item.isNaN() ? "-" : String.format(Locale.ROOT, format, item));
                getStyleClass().add(Css.NUMBER);
              }
            });
    c.setPrefWidth(name.length() > 8 ? 110 : 90);
    table.getColumns().add(c);
  }
}
