package dev.auditworkbench.views.board;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.project.FindingQuery;
import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.common.DialogService;
import dev.auditworkbench.views.detail.FindingDetailPane;
import dev.auditworkbench.views.findings.FindingsViewModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Board page: Inbox, Confirmed, In report and Dismissed as columns of cards (virtualised lists,
 * so 10,000 findings stay smooth), optionally in swimlanes by category or app. Drag cards (one or a
 * multi-selection) between columns or within one to reorder; Alt+1..4 moves the selection to a
 * column, Alt+Left/Right to the neighbouring one, Alt+Up/Down up or down its column; Ctrl+M merges
 * the selection as duplicates; Ctrl+Z and Ctrl+Shift+Z undo and redo every move and edit.
 * Dismissing asks for the reason. Search shares the Findings filters. The detail pane beside the
 * board tells a card's full story and edits it.
 */
public final class BoardView extends BorderPane {
  static final DataFormat IDS = new DataFormat("application/x-audit-finding-ids");
  static final List<Status> ORDER =
      List.of(Status.INBOX, Status.CONFIRMED, Status.IN_REPORT, Status.DISMISSED);

  /** The board's own keys, for the shortcuts page (Undo and Redo are the window's). */
  public static final List<String[]> KEYS =
      List.of(
          new String[] {
            "Alt+1 .. Alt+4", "Move the selected cards to Inbox, Confirmed, In report, Dismissed"
          },
          new String[] {
            "Alt+Left / Alt+Right", "Move the selected cards to the neighbouring column"
          },
          new String[] {"Alt+Up / Alt+Down", "Move the selected cards up or down their column"},
          new String[] {"Ctrl+M", "Merge the selected cards as duplicates of the first"},
          new String[] {
            "Ctrl+Z / Ctrl+Shift+Z", "Undo / redo (board, findings table and matrix alike)"
          });

  /** How cards are grouped into rows. */
  public enum Lanes {
    NONE("No swimlanes", null),
    CATEGORY("Swimlanes by category", f -> f.category().key()),
    APP("Swimlanes by app", FindingQuery::appOf);

    final String label;
    final Function<Finding, String> key;

    Lanes(String label, Function<Finding, String> key) {
      this.label = label;
      this.key = key;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private final BoardViewModel model;
  private final FindingsViewModel findings;
  private final DialogService dialogs;
  private final Map<Status, Label> headers = new LinkedHashMap<>();

  /** Every card list on screen and the column it is. */
  private final Map<ListView<Finding>, Status> lists = new LinkedHashMap<>();

  private final ComboBox<Lanes> lanes = new ComboBox<>();
  private final BorderPane boardArea = new BorderPane();
  private List<String> laneKeys = List.of();
  private ListView<Finding> active;

  /** The card selected first in the active list: what a merge keeps. */
  private Finding anchor;

  private final FindingDetailPane detail;
  private SplitPane split;

  public BoardView(
      BoardViewModel model,
      FindingsViewModel findings,
      DialogService dialogs,
      StringProperty search) {
    this.model = model;
    this.findings = findings;
    this.dialogs = dialogs;
    this.detail = new FindingDetailPane(model, dialogs);
    setId("board-view");
    getStyleClass().add(Css.PAGE);
    TextField filter = new TextField();
    filter.setId("board-search");
    filter.setPromptText("Search (shared with Findings)");
    filter.setPrefColumnCount(22); // the prompt whole, never "Search (shared with Fin..."
    filter.textProperty().bindBidirectional(search);
    lanes.setId("board-lanes");
    lanes.getItems().setAll(Lanes.values());
    lanes.setValue(Lanes.NONE);
    lanes.valueProperty().addListener((o, a, b) -> rebuild());
    Button merge = new Button("Merge duplicates");
    merge.setId("board-merge");
    merge.setTooltip(new Tooltip("Merge the selected cards into the one selected first (Ctrl+M)"));
    merge.setOnAction(e -> mergeSelection());
    Label title = new Label("Board");
    title.getStyleClass().add(Css.PAGE_TITLE);
    Label hint =
        new Label(
            "Drag cards between or within columns, or Alt+1..4, Alt+arrows; Ctrl+M merges duplicates; "
                + "Ctrl+Z undoes (toolbar).");
    hint.getStyleClass().add(Css.MUTED);
    VBox top =
        new VBox(
            4,
            title,
            hint,
            new ToolBar(filter, lanes, merge),
            new dev.auditworkbench.views.findings.FilterNotice(
                findings, findings.filtersAnyStatusProperty(), "board-filters"));
    top.setPadding(new Insets(0, 0, 8, 0));
    setTop(top);
    for (Status s : ORDER) {
      Label header = new Label();
      header.setId("board-header-" + slug(s));
      header.getStyleClass().add("title-4");
      headers.put(s, header);
      model.column(s).addListener((ListChangeListener<Finding>) c -> updateHeaders());
    }
    // The columns have the page's width until a card is chosen; the detail pane opens with it.
    split = new SplitPane(boardArea);
    setCenter(split);
    findings
        .all()
        .addListener(
            (ListChangeListener<Finding>)
                c -> {
                  if (lanes.getValue() != Lanes.NONE && !currentLaneKeys().equals(laneKeys)) {
                    rebuild();
                  }
                });
    model
        .boardStateProperty()
        .addListener(
            (o, a, b) -> {
              lists.keySet().forEach(ListView::refresh);
              detail.refresh();
            });
    model
        .errorProperty()
        .addListener(
            (o, a, message) -> {
              if (!message.isEmpty()) {
                dialogs.showError("Board", message);
              }
            });
    addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    rebuild();
    updateHeaders();
  }

  private static String slug(Status s) {
    return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private List<String> currentLaneKeys() {
    Function<Finding, String> key = lanes.getValue().key;
    return List.copyOf(
        new TreeSet<>(findings.all().stream().filter(f -> !f.gone()).map(key).toList()));
  }

  /** Lays the board out again: four columns, or one row of four per swimlane. */
  private void rebuild() {
    lists.clear();
    active = null;
    HBox headerRow = new HBox(10);
    for (Status s : ORDER) {
      VBox h = new VBox(headers.get(s));
      HBox.setHgrow(h, Priority.ALWAYS);
      h.setPrefWidth(300);
      headerRow.getChildren().add(h);
    }
    if (lanes.getValue() == Lanes.NONE) {
      laneKeys = List.of();
      HBox columns = new HBox(10);
      for (Status s : ORDER) {
        ListView<Finding> list = list(model.column(s), s, "board-" + slug(s));
        HBox.setHgrow(list, Priority.ALWAYS);
        list.setPrefWidth(300);
        columns.getChildren().add(list);
      }
      boardArea.setTop(headerRow);
      boardArea.setCenter(columns);
      return;
    }
    Function<Finding, String> key = lanes.getValue().key;
    laneKeys = currentLaneKeys();
    VBox rows = new VBox(8);
    for (String lane : laneKeys) {
      HBox row = new HBox(10);
      Label laneTitle = new Label();
      List<FilteredList<Finding>> inLanes = new ArrayList<>();
      Runnable count =
          () -> laneTitle.setText(lane + "  (" + inLanes.stream().mapToInt(List::size).sum() + ")");
      for (Status s : ORDER) {
        FilteredList<Finding> inLane =
            new FilteredList<>(model.column(s), f -> lane.equals(key.apply(f)));
        inLanes.add(inLane);
        inLane.addListener((ListChangeListener<Finding>) c -> count.run());
        ListView<Finding> list =
            list(inLane, s, "board-" + slug(s) + "-" + lane.replaceAll("[^A-Za-z0-9_-]", "_"));
        list.setPrefHeight(200);
        list.setMinHeight(120);
        HBox.setHgrow(list, Priority.ALWAYS);
        list.setPrefWidth(300);
        row.getChildren().add(list);
      }
      count.run();
      laneTitle.getStyleClass().add("title-4");
      laneTitle.setId("board-lane-" + lane.replaceAll("[^A-Za-z0-9_-]", "_"));
      rows.getChildren().addAll(laneTitle, row);
    }
    ScrollPane scroll = new ScrollPane(rows);
    scroll.setFitToWidth(true);
    boardArea.setTop(headerRow);
    boardArea.setCenter(scroll);
  }

  private ListView<Finding> list(ObservableList<Finding> items, Status s, String id) {
    ListView<Finding> list = new ListView<>(items);
    list.setId(id);
    list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    list.setCellFactory(v -> new BoardCard(model::duplicatesOf));
    list.setPlaceholder(new Label("Drop findings here"));
    BoardDragAndDrop.install(list, s, this::drop);
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, f) -> {
              if (f != null) {
                active = list;
                if (list.getSelectionModel().getSelectedItems().size() == 1) {
                  anchor = f;
                }
                if (!split.getItems().contains(detail.scrollable())) {
                  split.getItems().add(detail.scrollable());
                  split.setDividerPositions(0.74);
                }
                detail.show(f);
              }
            });
    list.focusedProperty()
        .addListener(
            (o, a, focused) -> {
              if (focused) {
                active = list;
              }
            });
    lists.put(list, s);
    return list;
  }

  private void updateHeaders() {
    for (Status s : ORDER) {
      // Two lines in every column, so the headers line up however narrow the columns get.
      headers
          .get(s)
          .setText(
              String.format(
                  Locale.ROOT,
                  "%s  %,d\n%,d h of work",
                  s.label(),
                  model.column(s).size(),
                  model.effortHours(s)));
    }
  }

  // ---- keyboard ----

  private void keys(KeyEvent e) {
    Optional<ListView<Finding>> focused = focusedList();
    Status from = focused.map(lists::get).orElse(null);
    Optional<BoardKeys.Intent> intent =
        BoardKeys.of(
            e.getCode(),
            e.isAltDown(),
            e.isShortcutDown(),
            e.getTarget() instanceof TextInputControl,
            from);
    if (intent.isEmpty()) {
      return;
    }
    e.consume();
    List<Finding> selected =
        focused.map(l -> List.copyOf(l.getSelectionModel().getSelectedItems())).orElse(List.of());
    if (intent.get() instanceof BoardKeys.Shift shift) {
      model.shift(selected, from, shift.by());
    } else if (intent.get() instanceof BoardKeys.MoveTo to) {
      move(selected, to.status(), null);
    } else {
      mergeSelection();
    }
  }

  private Optional<ListView<Finding>> focusedList() {
    for (ListView<Finding> list : lists.keySet()) {
      if (list.isFocused() || list.isFocusWithin()) {
        return Optional.of(list);
      }
    }
    return Optional.empty();
  }

  /**
   * Merges the active column's selection into the card selected first (the others are its
   * duplicates).
   */
  private void mergeSelection() {
    if (active == null) {
      return;
    }
    List<Finding> selected = List.copyOf(active.getSelectionModel().getSelectedItems());
    if (selected.size() < 2) {
      dialogs.showInformation(
          "Merge duplicates",
          "Select the card to keep, then Ctrl+click its duplicates in the same "
              + "column: they are dismissed as duplicates and counted on the card you kept.");
      return;
    }
    Finding kept =
        anchor != null && selected.stream().anyMatch(f -> f.id() == anchor.id())
            ? selected.stream().filter(f -> f.id() == anchor.id()).findFirst().orElseThrow()
            : selected.get(0);
    model.merge(kept, selected);
  }

  private void move(List<Finding> selected, Status to, Finding before) {
    if (selected.isEmpty()) {
      return;
    }
    long newlyDismissed =
        to == Status.DISMISSED
            ? selected.stream().filter(f -> f.status() != Status.DISMISSED).count()
            : 0;
    if (newlyDismissed > 0) {
      dialogs
          .chooseDismissReason((int) newlyDismissed)
          .ifPresent(reason -> model.move(selected, to, reason, before));
    } else {
      model.move(selected, to, null, before);
    }
  }

  /**
   * What a drop of these findings' ids on a column does (also the way UI tests drop: Monocle has no
   * drag and drop).
   */
  public void drop(List<Long> ids, Status status) {
    drop(ids, status, null);
  }

  /** A drop on a card: the dropped cards go before it, in its column. */
  public void drop(List<Long> ids, Status status, Long beforeId) {
    List<Finding> dropped = model.byIds(ids);
    Finding before =
        beforeId == null || ids.contains(beforeId)
            ? null
            : model.byIds(List.of(beforeId)).stream().findFirst().orElse(null);
    move(dropped, status, before);
  }
}
