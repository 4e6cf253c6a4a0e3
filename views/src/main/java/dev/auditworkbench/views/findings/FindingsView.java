package dev.auditworkbench.views.findings;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.SourceRef;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.priority.Quadrant;
import dev.auditworkbench.views.common.Choice;
import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.common.DialogService;
import dev.auditworkbench.views.common.Texts;
import dev.auditworkbench.views.detail.FindingDetailPane;
import dev.auditworkbench.views.detail.FindingDetails;
import java.util.List;
import java.util.Locale;
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
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

/**
 * A sortable, filterable table of every finding beside the rich detail pane the board uses (code at
 * the scanned commit, triage controls, notes, history). Double-click opens a finding's detail; the
 * context menu confirms, reports, dismisses (with a reason), re-scores, tags, merges and copies the
 * location of the whole selection, each as one undoable step.
 */
public final class FindingsView extends VBox {
  private final FindingsViewModel model;
  private final DialogService dialogs;
  private final TableView<Finding> table = new TableView<>();
  private final FindingDetailPane detail;
  private final SplitPane split;
  private final ToggleButton showDetail = new ToggleButton("Details");
  private boolean detailClosedByHand;

  public FindingsView(FindingsViewModel model, FindingDetails details, DialogService dialogs) {
    this.model = model;
    this.dialogs = dialogs;
    getStyleClass().add(Css.PAGE);
    setSpacing(8);
    detail = new FindingDetailPane(details, dialogs);
    detail.setId("findings-detail");
    // The table has the whole width until a finding is chosen: the pane opens with the first one
    // (and stays closed once the auditor closed it with Details).
    split = new SplitPane(table);
    showDetail.setId("findings-show-detail");
    showDetail.setTooltip(new Tooltip("Show or hide the detail pane"));
    showDetail
        .selectedProperty()
        .addListener(
            (o, a, on) -> {
              if (on && !split.getItems().contains(detail.scrollable())) {
                split.getItems().add(detail.scrollable());
                split.setDividerPositions(0.72);
                Finding f = table.getSelectionModel().getSelectedItem();
                if (f != null) {
                  detail.show(f);
                }
              } else if (!on) {
                split.getItems().remove(detail.scrollable());
              }
            });
    showDetail.setOnAction(e -> detailClosedByHand = !showDetail.isSelected());
    Label title = new Label("Findings");
    title.getStyleClass().add(Css.PAGE_TITLE);
    getChildren().addAll(title, createFilterBar(), split);
    VBox.setVgrow(split, Priority.ALWAYS);
    configureTable();
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, f) -> {
              if (f == null) {
                return;
              }
              if (showDetail.isSelected()) {
                detail.show(f);
              } else if (!detailClosedByHand) {
                showDetail.setSelected(true);
              }
            });
    table.setOnMouseClicked(
        e -> {
          Finding f = table.getSelectionModel().getSelectedItem();
          if (e.getClickCount() == 2 && f != null) {
            detailClosedByHand = false;
            if (showDetail.isSelected()) {
              detail.show(f);
            } else {
              showDetail.setSelected(true);
            }
          }
        });
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

  private FlowPane createFilterBar() {
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
    summary.setMinWidth(Region.USE_PREF_SIZE);
    search.setPrefWidth(240);
    search.setMinWidth(160);
    for (ComboBox<?> box : List.of(severity, category, status, tool, app, quadrant)) {
      box.setMinWidth(Region.USE_PREF_SIZE); // "Any severity" whole, never "Any seve..."
    }
    // The filters wrap onto a second row in a narrow window rather than cut their words.
    FlowPane bar =
        new FlowPane(
            8, 6, search, severity, category, status, tool, app, quadrant, summary, showDetail);
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
    // One row height for all: rows laid out before and after the badges' style arrived differed,
    // and a fixed size lets the table skip measuring each of 10,000 rows.
    table.setFixedCellSize(Math.ceil(Font.getDefault().getSize() * 1.9));
    Label placeholder = new Label();
    placeholder.setId("findings-placeholder");
    placeholder
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    !model.loadedProperty().get()
                        ? "Loading the findings..."
                        : model.all().isEmpty()
                            ? "No findings. Import a scan (Ctrl+I) or drop files here."
                            : "No finding matches the filters.",
                model.loadedProperty(),
                model.all()));
    table.setPlaceholder(placeholder);

    TableColumn<Finding, Severity> severity = fixed(column("Severity", Finding::severity), 86);
    severity.setCellFactory(c -> new SeverityCell());
    TableColumn<Finding, String> title = column("Title", Finding::title);
    title.setPrefWidth(360);
    title.setMinWidth(120);
    TableColumn<Finding, String> location =
        column(
            "Location",
            f -> {
              String path = f.location() == null ? null : f.location().path();
              if (path == null) {
                return "";
              }
              String file = path.substring(path.lastIndexOf('/') + 1);
              return f.location().startLine() > 0 ? file + ":" + f.location().startLine() : file;
            });
    location.setPrefWidth(150);
    location.setMinWidth(100);
    table
        .getColumns()
        .addAll(
            List.of(
                severity,
                title,
                fixed(column("Category", f -> f.category().key()), 120),
                location,
                fixed(
                    column(
                        "Status",
                        f -> f.gone() ? f.status().label() + " (gone)" : f.status().label()),
                    92),
                fixed(column("Impact", f -> String.valueOf(f.impact().value())), 74),
                fixed(column("Effort", f -> f.effort().size().name()), 66),
                fixed(
                    column(
                        "Tools",
                        f ->
                            f.sources().stream()
                                .map(SourceRef::tool)
                                .distinct()
                                .collect(Collectors.joining(", "))),
                    96)));
    // The title takes the room the others leave; every cell shows its whole text in a tooltip.
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_NEXT_COLUMN);
    for (TableColumn<Finding, ?> col : List.of(title, location)) {
      tooltipCells(col, col == location);
    }
    table.getColumns().stream()
        .filter(c -> c != severity && c != title && c != location)
        .forEach(c -> tooltipCells(c, false));
    table.setContextMenu(createContextMenu());
  }

  private List<Finding> selection() {
    return List.copyOf(table.getSelectionModel().getSelectedItems());
  }

  private ContextMenu createContextMenu() {
    ContextMenu menu = new ContextMenu();
    MenuItem confirm = new MenuItem("Confirm");
    confirm.setId("move-to-confirmed");
    confirm.setOnAction(e -> model.moveTo(selection(), Status.CONFIRMED));
    MenuItem report = new MenuItem("Move to report");
    report.setId("move-to-in_report");
    report.setOnAction(e -> model.moveTo(selection(), Status.IN_REPORT));
    MenuItem inbox = new MenuItem("Back to the inbox");
    inbox.setId("move-to-inbox");
    inbox.setOnAction(e -> model.moveTo(selection(), Status.INBOX));
    MenuItem dismiss = new MenuItem("Dismiss...");
    dismiss.setId("findings-dismiss");
    dismiss.setOnAction(
        e -> {
          List<Finding> chosen = selection();
          dialogs
              .chooseDismissReason(chosen.size())
              .ifPresent(r -> model.moveTo(chosen, Status.DISMISSED, r));
        });
    Menu impact = new Menu("Set impact");
    for (int i = 1; i <= 5; i++) {
      int value = i;
      MenuItem item = new MenuItem(String.valueOf(i));
      item.setId("findings-impact-" + i);
      item.setOnAction(e -> model.setImpact(selection(), value));
      impact.getItems().add(item);
    }
    Menu effort = new Menu("Set effort");
    for (Effort.Size size : Effort.Size.values()) {
      MenuItem item = new MenuItem(size.name());
      item.setId("findings-effort-" + size.name().toLowerCase(Locale.ROOT));
      item.setOnAction(e -> model.setEffort(selection(), Effort.of(size)));
      effort.getItems().add(item);
    }
    MenuItem tag = new MenuItem("Add tags...");
    tag.setId("findings-tag");
    tag.setOnAction(
        e -> {
          List<Finding> chosen = selection();
          dialogs
              .askText(
                  "Add tags",
                  "Tags for " + Texts.count(chosen.size(), "finding") + ", comma separated")
              .map(t -> List.of(t.split("\\s*,\\s*")))
              .ifPresent(tags -> model.addTags(chosen, tags));
        });
    MenuItem merge = new MenuItem("Merge as duplicates of the first");
    merge.setId("findings-merge");
    merge.setOnAction(e -> model.merge(selection()));
    MenuItem copy = new MenuItem("Copy location");
    copy.setId("findings-copy-location");
    copy.setOnAction(
        e -> {
          ClipboardContent content = new ClipboardContent();
          content.putString(
              selection().stream()
                  .map(f -> f.location() == null ? "" : f.location().display())
                  .collect(Collectors.joining("\n")));
          Clipboard.getSystemClipboard().setContent(content);
        });
    menu.getItems()
        .addAll(
            confirm,
            report,
            inbox,
            dismiss,
            new SeparatorMenuItem(),
            impact,
            effort,
            tag,
            merge,
            new SeparatorMenuItem(),
            copy);
    menu.setOnShowing(
        e -> merge.setDisable(table.getSelectionModel().getSelectedItems().size() < 2));
    return menu;
  }

  /** A column's cells show their whole text in a tooltip; paths may be cut at the front. */
  private static <T> void tooltipCells(TableColumn<Finding, T> col, boolean fullLocation) {
    col.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String text = empty || item == null ? null : item.toString();
                setText(text);
                Finding f = getTableRow() == null ? null : getTableRow().getItem();
                String tip =
                    fullLocation && f != null && f.location() != null
                        ? f.location().display()
                        : text;
                setTooltip(tip == null || tip.isEmpty() ? null : new Tooltip(tip));
              }
            });
  }

  private static <T> TableColumn<Finding, T> column(String title, Function<Finding, T> value) {
    TableColumn<Finding, T> col = new TableColumn<>(title);
    col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    return col;
  }

  /** A column as wide as its content needs, which the window's width never squeezes. */
  private static <T> TableColumn<Finding, T> fixed(TableColumn<Finding, T> col, double width) {
    col.setPrefWidth(width);
    col.setMinWidth(width);
    col.setMaxWidth(width); // the title and location take what the window adds
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
