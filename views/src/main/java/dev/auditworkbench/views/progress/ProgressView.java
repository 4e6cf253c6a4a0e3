package dev.auditworkbench.views.progress;

import dev.auditworkbench.engine.model.Round;
import dev.auditworkbench.engine.progress.Progress;
import dev.auditworkbench.engine.progress.ProgressText;
import dev.auditworkbench.views.common.Css;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Before and after: two rounds of the engagement side by side (findings fixed, new and open by
 * severity; route latency; N+1 patterns; statements; dependencies), as `workbench compare` prints
 * them.
 */
public final class ProgressView extends BorderPane {
  private final ProgressViewModel model;
  private final ComboBox<Round> from = new ComboBox<>();
  private final ComboBox<Round> to = new ComboBox<>();
  private final Label summary = new Label();
  private final TableView<String[]> severities = new TableView<>();
  private final TableView<Progress.RouteChange> routes = new TableView<>();
  private final ListView<String> nPlusOnes = new ListView<>();
  private final ListView<String> statements = new ListView<>();
  private final ListView<String> changes = new ListView<>();
  private boolean settingRounds;

  public ProgressView(ProgressViewModel model, Runnable newRound) {
    this.model = model;
    setId("progress-view");
    getStyleClass().add(Css.PAGE);
    Label title = new Label("Progress");
    title.getStyleClass().add(Css.PAGE_TITLE);
    summary.setId("progress-summary");
    summary.getStyleClass().add(Css.MUTED);
    summary.setWrapText(true);
    from.setId("progress-from");
    to.setId("progress-to");
    for (ComboBox<Round> box : List.of(from, to)) {
      box.setConverter(
          new StringConverter<>() {
            @Override
            public String toString(Round r) {
              return r == null ? "" : ProgressText.name(r);
            }

            @Override
            public Round fromString(String s) {
              return null;
            }
          });
      box.valueProperty()
          .addListener(
              (o, a, b) -> {
                if (!settingRounds && from.getValue() != null && to.getValue() != null) {
                  model.compare(
                      String.valueOf(from.getValue().number()),
                      String.valueOf(to.getValue().number()));
                }
              });
    }
    Button round = new Button("New round and import...");
    round.setId("progress-new-round");
    round.setOnAction(e -> newRound.run());
    Label fromLabel = new Label("From");
    Label toLabel = new Label("to");
    HBox controls = new HBox(8, fromLabel, from, toLabel, to, round);
    controls.setAlignment(Pos.CENTER_LEFT);
    VBox top = new VBox(4, title, summary, controls);
    top.setPadding(new Insets(0, 0, 8, 0));
    setTop(top);

    severities.setId("progress-severities");
    column(severities, "By severity and category", r -> r[0], 200);
    column(severities, "Fixed", r -> r[1], 80);
    column(severities, "New", r -> r[2], 80);
    column(severities, "Still open", r -> r[3], 90);
    // The four severities whole; the categories below them scroll.
    severities.setFixedCellSize(28);
    severities.setPrefHeight(28 * 5 + 44);
    severities.setMinHeight(28 * 4 + 44);
    severities.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);

    routes.setId("progress-routes");
    routes.setPlaceholder(new Label("No traffic captured in these rounds."));
    column(routes, "Route", Progress.RouteChange::route, 320);
    column(routes, "n before", r -> String.valueOf(r.requestsBefore()), 80);
    column(routes, "p50 before", r -> ms(r.p50Before()), 100);
    column(routes, "p95 before", r -> ms(r.p95Before()), 100);
    column(routes, "n after", r -> String.valueOf(r.requestsAfter()), 80);
    column(routes, "p50 after", r -> ms(r.p50After()), 100);
    column(routes, "p95 after", r -> ms(r.p95After()), 100);
    column(routes, "p95 change", ProgressText::p95Change, 140);
    routes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    routes.setFixedCellSize(28);
    javafx.scene.control.Tooltip.install(
        routes,
        new javafx.scene.control.Tooltip(
            "A route's p95 is compared where both rounds captured at least "
                + Progress.MIN_REQUESTS
                + " of its requests ('workbench compare --min-requests' changes it)."));
    nPlusOnes.setId("progress-nplusones");
    nPlusOnes.setPlaceholder(new Label("No N+1 pattern in the earlier round."));
    statements.setId("progress-statements");
    statements.setPlaceholder(new Label("No statement 20% faster or slower."));
    changes.setId("progress-changes");
    changes.setPlaceholder(new Label("Nothing fixed or new."));
    TabPane tabs =
        new TabPane(
            new Tab("Routes", routes),
            new Tab("Findings fixed and new", changes),
            new Tab("N+1 patterns", nPlusOnes),
            new Tab("Statements and dependencies", statements));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    VBox center = new VBox(8, severities, tabs);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    setCenter(center);
    model.roundsProperty().addListener((o, a, r) -> showRounds(r));
    model.comparisonProperty().addListener((o, a, c) -> show(c));
    showRounds(model.roundsProperty().get());
    show(model.comparisonProperty().get());
  }

  private void showRounds(List<Round> rounds) {
    settingRounds = true;
    try {
      Round a = from.getValue();
      Round b = to.getValue();
      from.getItems().setAll(rounds);
      to.getItems().setAll(rounds);
      Optional<Progress.Comparison> c = model.comparisonProperty().get();
      from.setValue(find(rounds, a != null ? a : c.map(Progress.Comparison::from).orElse(null)));
      to.setValue(find(rounds, b != null ? b : c.map(Progress.Comparison::to).orElse(null)));
    } finally {
      settingRounds = false;
    }
  }

  private static Round find(List<Round> rounds, Round r) {
    if (r == null) {
      return null;
    }
    return rounds.stream().filter(x -> x.number() == r.number()).findFirst().orElse(null);
  }

  private void show(Optional<Progress.Comparison> comparison) {
    if (comparison.isEmpty()) {
      summary.setText("Comparing the rounds...");
      return;
    }
    Progress.Comparison c = comparison.get();
    settingRounds = true;
    try {
      from.setValue(find(from.getItems(), c.from()));
      to.setValue(find(to.getItems(), c.to()));
    } finally {
      settingRounds = false;
    }
    Progress.Findings f = c.findings();
    String text =
        dev.auditworkbench.views.common.Texts.count(f.fixed().size(), "finding")
            + " fixed, "
            + f.added().size()
            + " new, "
            + f.open().size()
            + " still open.";
    if (c.from().number() == c.to().number()) {
      text =
          "Only the baseline so far: open a round (\"after sprint 2\") before importing the next"
              + " captures and rescanning, then compare here. "
              + text;
    }
    if (!f.notRechecked().isEmpty() && c.from().number() != c.to().number()) {
      text +=
          " Not run again in "
              + ProgressText.name(c.to())
              + " (still counted open): "
              + String.join(", ", f.notRechecked())
              + ".";
    }
    summary.setText(text);
    List<String[]> rows = new ArrayList<>();
    for (Map.Entry<String, int[]> e : f.bySeverity().entrySet()) {
      int[] n = e.getValue();
      String s = e.getKey().charAt(0) + e.getKey().substring(1).toLowerCase(Locale.ROOT);
      rows.add(new String[] {s, "" + n[0], "" + n[1], "" + n[2]});
    }
    for (Map.Entry<String, int[]> e : f.byCategory().entrySet()) {
      int[] n = e.getValue();
      String s = e.getKey().charAt(0) + e.getKey().substring(1).toLowerCase(Locale.ROOT);
      rows.add(new String[] {"  " + s, "" + n[0], "" + n[1], "" + n[2]});
    }
    severities.getItems().setAll(rows);
    routes
        .getItems()
        .setAll(
            c.routes().stream().filter(r -> r.requestsBefore() + r.requestsAfter() > 0).toList());
    nPlusOnes.getItems().setAll(c.nPlusOnes().stream().map(ProgressText::nPlusOne).toList());
    List<String> st = new ArrayList<>();
    c.statements().forEach(x -> st.add(ProgressText.statement(x, 140)));
    c.dependencies().forEach(d -> st.add("dependency " + ProgressText.dependency(d)));
    statements.getItems().setAll(st);
    List<String> ch = new ArrayList<>();
    f.fixed()
        .forEach(
            x -> ch.add("fixed  [" + x.severity().toLowerCase(Locale.ROOT) + "] " + x.title()));
    f.added()
        .forEach(
            x -> ch.add("new    [" + x.severity().toLowerCase(Locale.ROOT) + "] " + x.title()));
    changes.getItems().setAll(ch);
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f ms", v);
  }

  private static <T> void column(
      TableView<T> table, String name, Function<T, String> value, double width) {
    TableColumn<T, String> c = new TableColumn<>(name);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setMinWidth(30 + 8 * name.length()); // the header whole
    table.getColumns().add(c);
  }
}
