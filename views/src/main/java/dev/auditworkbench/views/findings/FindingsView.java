package dev.auditworkbench.views.findings;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.SourceRef;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.priority.Quadrant;
import dev.auditworkbench.views.common.Choice;
import dev.auditworkbench.views.common.Css;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

/** A sortable, filterable table of every finding, with bulk status changes. */
public final class FindingsView extends VBox {
  private final FindingsViewModel model;
  private final TableView<Finding> table = new TableView<>();

  public FindingsView(FindingsViewModel model) {
    this.model = model;
    getStyleClass().add(Css.PAGE);
    setSpacing(8);
    TextArea detail = new TextArea();
    detail.setId("findings-detail");
    detail.setEditable(false);
    detail.setWrapText(true);
    detail.getStyleClass().add(Css.MONOSPACE);
    detail.setPromptText("Select a finding to see everything about it.");
    SplitPane split = new SplitPane(table, detail);
    split.setDividerPositions(0.68);
    getChildren().addAll(createFilterBar(), split);
    VBox.setVgrow(split, Priority.ALWAYS);
    configureTable();
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, f) -> detail.setText(f == null ? "" : FindingsViewModel.describe(f)));
  }

  /**
   * Selects and scrolls to a finding (clearing filters that hide it); false when it is not loaded.
   */
  public boolean reveal(String fingerprint) {
    Optional<Finding> f =
        model.all().stream().filter(x -> x.fingerprint().equals(fingerprint)).findFirst();
    if (f.isEmpty()) {
      return false;
    }
    if (!table.getItems().contains(f.get())) {
      model.searchProperty().set("");
    }
    table.getSelectionModel().clearSelection();
    table.getSelectionModel().select(f.get());
    table.scrollTo(f.get());
    return true;
  }

  private HBox createFilterBar() {
    TextField search = new TextField();
    search.setId("findings-search");
    search.setPromptText("Search title, rule, file, tool");
    search.textProperty().bindBidirectional(model.searchProperty());
    HBox.setHgrow(search, Priority.ALWAYS);
    ComboBox<Choice<Severity>> severity =
        choiceBox(
            "findings-severity", Choice.anyAnd("Any severity", Severity.values(), Severity::key));
    severity
        .valueProperty()
        .addListener((o, a, c) -> model.severityProperty().set(c == null ? null : c.value()));
    ComboBox<Choice<Status>> status =
        choiceBox("findings-status", Choice.anyAnd("Any status", Status.values(), Status::label));
    status
        .valueProperty()
        .addListener((o, a, c) -> model.statusProperty().set(c == null ? null : c.value()));
    ComboBox<Choice<String>> tool = new ComboBox<>();
    tool.setId("findings-tool");
    Runnable fillTools =
        () -> {
          Choice<String> current = tool.getValue();
          tool.getItems()
              .setAll(Choice.anyAnd("Any tool", model.tools().toArray(String[]::new), t -> t));
          tool.getItems().stream()
              .filter(c -> current != null && Objects.equals(c.value(), current.value()))
              .findFirst()
              .ifPresentOrElse(tool::setValue, () -> tool.getSelectionModel().selectFirst());
        };
    model.tools().addListener((ListChangeListener<String>) c -> fillTools.run());
    fillTools.run();
    tool.valueProperty()
        .addListener((o, a, c) -> model.toolProperty().set(c == null ? null : c.value()));
    ComboBox<Choice<Category>> category =
        choiceBox(
            "findings-category", Choice.anyAnd("Any category", Category.values(), Category::key));
    category
        .valueProperty()
        .addListener((o, a, c) -> model.categoryProperty().set(c == null ? null : c.value()));
    ComboBox<Choice<String>> app = new ComboBox<>();
    app.setId("findings-app");
    Runnable fillApps =
        () -> {
          Choice<String> current = app.getValue();
          app.getItems()
              .setAll(Choice.anyAnd("Any app", model.apps().toArray(String[]::new), t -> t));
          app.getItems().stream()
              .filter(c -> current != null && Objects.equals(c.value(), current.value()))
              .findFirst()
              .ifPresentOrElse(app::setValue, () -> app.getSelectionModel().selectFirst());
        };
    model.apps().addListener((ListChangeListener<String>) c -> fillApps.run());
    fillApps.run();
    app.valueProperty()
        .addListener((o, a, c) -> model.appProperty().set(c == null ? null : c.value()));
    ComboBox<Choice<Quadrant>> quadrant =
        choiceBox(
            "findings-quadrant", Choice.anyAnd("Any quadrant", Quadrant.values(), Quadrant::label));
    quadrant
        .valueProperty()
        .addListener((o, a, c) -> model.quadrantProperty().set(c == null ? null : c.value()));
    Label summary = new Label();
    summary.setId("findings-summary");
    summary.getStyleClass().add(Css.MUTED);
    summary.textProperty().bind(model.summaryProperty());
    HBox bar = new HBox(8, search, severity, category, status, tool, app, quadrant, summary);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private static <T> ComboBox<Choice<T>> choiceBox(String id, List<Choice<T>> choices) {
    ComboBox<Choice<T>> box = new ComboBox<>(FXCollections.observableArrayList(choices));
    box.setId(id);
    box.getSelectionModel().selectFirst();
    return box;
  }

  private void configureTable() {
    table.setId("findings-table");
    SortedList<Finding> sorted = new SortedList<>(model.shown());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    // One row height for all: rows laid out before and after the badges' style arrived differed,
    // and a fixed size lets the table skip measuring each of 10,000 rows.
    table.setFixedCellSize(Math.ceil(Font.getDefault().getSize() * 1.9));
    table.setPlaceholder(new Label("No findings. Import a scan (Ctrl+I) or drop files here."));

    TableColumn<Finding, Severity> severity = column("Severity", Finding::severity, 90);
    severity.setCellFactory(c -> new SeverityCell());
    narrowest(
        severity, 84); // the widest badge, "critical", stays whole when the detail pane takes room
    table
        .getColumns()
        .addAll(
            List.of(
                severity,
                column("Title", Finding::title, 420),
                narrowest(column("Category", f -> f.category().key(), 110), 96),
                leadingEllipsis(column("Location", f -> f.location().display(), 260)),
                narrowest(
                    column(
                        "Status",
                        f -> f.gone() ? f.status().label() + " (gone)" : f.status().label(),
                        110),
                    76),
                narrowest(column("Impact", f -> f.impact().value(), 72), 64),
                narrowest(column("Effort", f -> f.effort().size().name(), 68), 60),
                narrowest(
                    column(
                        "Tools",
                        f ->
                            f.sources().stream()
                                .map(SourceRef::tool)
                                .distinct()
                                .collect(Collectors.joining(", ")),
                        120),
                    90)));
    table.setContextMenu(createContextMenu());
  }

  private ContextMenu createContextMenu() {
    ContextMenu menu = new ContextMenu();
    for (Status target : List.of(Status.INBOX, Status.CONFIRMED, Status.IN_REPORT)) {
      MenuItem item = new MenuItem("Move to " + target.label());
      item.setId("move-to-" + target.key());
      item.setOnAction(
          e -> model.moveTo(List.copyOf(table.getSelectionModel().getSelectedItems()), target));
      menu.getItems().add(item);
    }
    return menu;
  }

  private static <T> TableColumn<Finding, T> column(
      String title, Function<Finding, T> value, double width) {
    TableColumn<Finding, T> col = new TableColumn<>(title);
    col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    col.setPrefWidth(width);
    return col;
  }

  private static <T> TableColumn<Finding, T> narrowest(TableColumn<Finding, T> col, double width) {
    col.setMinWidth(width);
    return col;
  }

  /** Paths are cut at the front, so the file name and line stay visible. */
  private static <T> TableColumn<Finding, T> leadingEllipsis(TableColumn<Finding, T> col) {
    col.setCellFactory(
        c -> {
          TableCell<Finding, T> cell =
              new TableCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                  super.updateItem(item, empty);
                  setText(empty || item == null ? null : item.toString());
                }
              };
          cell.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
          return cell;
        });
    return col;
  }

  public TableView<Finding> table() {
    return table;
  }

  /** The severity as a coloured badge (colours in app.css). */
  private static final class SeverityCell extends TableCell<Finding, Severity> {
    private final Label badge = new Label();

    SeverityCell() {
      badge.getStyleClass().add(Css.SEVERITY_BADGE);
      setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
      badge.setMinWidth(Region.USE_PREF_SIZE);
    }

    @Override
    protected void updateItem(Severity item, boolean empty) {
      super.updateItem(item, empty);
      badge
          .getStyleClass()
          .removeIf(c -> c.startsWith("severity-") && !c.equals(Css.SEVERITY_BADGE));
      if (empty || item == null) {
        setGraphic(null);
        return;
      }
      badge.setText(item.key());
      badge.getStyleClass().add(Css.severity(item));
      setGraphic(badge);
    }
  }
}
