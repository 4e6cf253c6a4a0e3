package dev.auditworkbench.views.board;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.common.DialogService;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Board page: Inbox, Confirmed, In report and Dismissed as columns of cards (virtualised
 * lists, so 10,000 findings stay smooth). Drag cards (one or a multi-selection) between columns;
 * Alt+1..4 moves the selection to a column, Alt+Left/Right to the neighbouring one; Ctrl+Z and
 * Ctrl+Shift+Z undo and redo. Dismissing asks for the reason. Search shares the Findings filters.
 */
public final class BoardView extends BorderPane {
  static final DataFormat IDS = new DataFormat("application/x-audit-finding-ids");
  private static final List<Status> ORDER = List.of(Status.INBOX, Status.CONFIRMED, Status.IN_REPORT, Status.DISMISSED);

  private final BoardViewModel model;
  private final DialogService dialogs;
  private final Map<Status, ListView<Finding>> lists = new EnumMap<>(Status.class);
  private final Map<Status, Label> headers = new EnumMap<>(Status.class);

  public BoardView(BoardViewModel model, DialogService dialogs, javafx.beans.property.StringProperty search) {
    this.model = model;
    this.dialogs = dialogs;
    setId("board-view");
    getStyleClass().add(Css.PAGE);
    HBox columns = new HBox(10);
    for (Status s : ORDER) {
      ListView<Finding> list = new ListView<>(model.column(s));
      list.setId("board-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
      list.setCellFactory(v -> new Card());
      list.setPlaceholder(new Label("Drop findings here"));
      dragAndDrop(list, s);
      Label header = new Label();
      header.setId("board-header-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      header.getStyleClass().add("title-4");
      headers.put(s, header);
      lists.put(s, list);
      VBox column = new VBox(6, header, list);
      VBox.setVgrow(list, Priority.ALWAYS);
      HBox.setHgrow(column, Priority.ALWAYS);
      column.setPrefWidth(300);
      columns.getChildren().add(column);
      model.column(s).addListener((ListChangeListener<Finding>) c -> updateHeaders());
    }
    TextField filter = new TextField();
    filter.setId("board-search");
    filter.setPromptText("Search (shared with Findings)");
    filter.textProperty().bindBidirectional(search);
    Button undo = new Button("Undo");
    undo.setId("board-undo");
    undo.disableProperty().bind(model.canUndoProperty().not());
    undo.setOnAction(e -> model.undo());
    Button redo = new Button("Redo");
    redo.setId("board-redo");
    redo.disableProperty().bind(model.canRedoProperty().not());
    redo.setOnAction(e -> model.redo());
    Label title = new Label("Board");
    title.getStyleClass().add(Css.PAGE_TITLE);
    Label hint = new Label("Drag cards between columns, or Alt+1..4 / Alt+Left/Right; Ctrl+Z undoes.");
    hint.getStyleClass().add(Css.MUTED);
    VBox top = new VBox(4, title, hint, new ToolBar(filter, undo, redo));
    top.setPadding(new Insets(0, 0, 8, 0));
    setTop(top);
    javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(columns, detailPane());
    split.setDividerPositions(0.66);
    setCenter(split);
    for (ListView<Finding> list : lists.values()) {
      list.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
        if (f != null) {
          model.detail(f).setOnSucceeded(e -> showDetail((BoardViewModel.Detail) e.getSource().getValue()));
        }
      });
    }
    addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    updateHeaders();
  }

  private final Label detailTitle = new Label("Select a card for its code, evidence, notes and history.");
  private final org.fxmisc.richtext.CodeArea code = new org.fxmisc.richtext.CodeArea();
  private final javafx.scene.control.TextArea evidence = new javafx.scene.control.TextArea();
  private final javafx.scene.control.TextArea notes = new javafx.scene.control.TextArea();
  private final ListView<String> history = new ListView<>();
  private Finding shown;

  private javafx.scene.Node detailPane() {
    detailTitle.setId("board-detail-title");
    detailTitle.setWrapText(true);
    detailTitle.setStyle("-fx-font-weight: bold;");
    code.setId("board-code");
    code.setEditable(false);
    code.getStyleClass().add("code-area");
    code.getStylesheets().add(BoardView.class.getResource("code.css").toExternalForm());
    evidence.setId("board-evidence");
    evidence.setEditable(false);
    evidence.setWrapText(true);
    evidence.setPrefRowCount(5);
    notes.setId("board-notes");
    notes.setPromptText("Notes (Markdown), saved with Ctrl+S or the button");
    notes.setWrapText(true);
    notes.setPrefRowCount(4);
    Button save = new Button("Save notes");
    save.setId("board-save-notes");
    save.setOnAction(e -> saveNotes());
    notes.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
        saveNotes();
        e.consume();
      }
    });
    history.setId("board-history");
    history.setPrefHeight(110);
    var codeScroll = new org.fxmisc.flowless.VirtualizedScrollPane<>(code);
    codeScroll.setPrefHeight(280);
    VBox pane = new VBox(6, detailTitle, codeScroll, new Label("Evidence"), evidence,
        new Label("Notes"), notes, save, new Label("History"), history);
    VBox.setVgrow(pane.getChildren().get(1), Priority.ALWAYS);
    pane.setPadding(new Insets(0, 0, 0, 8));
    return pane;
  }

  private void saveNotes() {
    if (shown != null) {
      model.saveNotes(shown, notes.getText());
    }
  }

  /** Shows a finding's code (its lines marked, scrolled into view), evidence, notes and history. */
  private void showDetail(BoardViewModel.Detail d) {
    shown = d.finding();
    Finding f = d.finding();
    detailTitle.setText(f.title() + "\n" + f.location().display());
    code.replaceText(String.join("\n", d.code()));
    int first = d.firstLine();
    code.setParagraphGraphicFactory(line -> {
      Label n = new Label(String.format(Locale.ROOT, "%4d ", first + line));
      n.getStyleClass().add("lineno");
      return n;
    });
    int from = Math.max(0, f.location().startLine() - first);
    int to = Math.max(from, Math.max(f.location().endLine(), f.location().startLine()) - first);
    for (int p = 0; p < code.getParagraphs().size(); p++) {
      code.setParagraphStyle(p, p >= from && p <= to ? List.of("marked") : List.of());
    }
    if (!d.code().isEmpty()) {
      code.showParagraphAtCenter(Math.min(from, code.getParagraphs().size() - 1));
    }
    evidence.setText(String.join("\n\n", f.evidence().stream().map(e -> e.text()).toList())
        + (f.cwe().isEmpty() ? "" : "\n\n" + String.join(", ", f.cwe().stream().map(c -> "CWE-" + c).toList())));
    notes.setText(f.notes() == null ? "" : f.notes());
    history.getItems().setAll(d.history().stream().map(h -> String.format(Locale.ROOT, "%s  %s: %s -> %s (%s)",
        h.at().toString().substring(0, 16).replace('T', ' '), h.field(), h.oldValue(), h.newValue(), h.origin())).toList());
  }

  private void updateHeaders() {
    for (Status s : ORDER) {
      headers.get(s).setText(String.format(Locale.ROOT, "%s  %d  (%d h)", s.label(), model.column(s).size(),
          model.effortHours(s)));
    }
  }

  private void keys(KeyEvent e) {
    if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
      if (e.isShiftDown()) {
        model.redo();
      } else {
        model.undo();
      }
      e.consume();
      return;
    }
    if (!e.isAltDown()) {
      return;
    }
    Optional<Status> from = focusedColumn();
    if (from.isEmpty()) {
      return;
    }
    int index = ORDER.indexOf(from.get());
    Status to = switch (e.getCode()) {
      case DIGIT1 -> ORDER.get(0);
      case DIGIT2 -> ORDER.get(1);
      case DIGIT3 -> ORDER.get(2);
      case DIGIT4 -> ORDER.get(3);
      case RIGHT -> ORDER.get(Math.min(ORDER.size() - 1, index + 1));
      case LEFT -> ORDER.get(Math.max(0, index - 1));
      default -> null;
    };
    if (to != null && to != from.get()) {
      moveSelection(from.get(), to);
      e.consume();
    }
  }

  private Optional<Status> focusedColumn() {
    for (Map.Entry<Status, ListView<Finding>> entry : lists.entrySet()) {
      if (entry.getValue().isFocused() || entry.getValue().isFocusWithin()) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.empty();
  }

  private void moveSelection(Status from, Status to) {
    List<Finding> selected = List.copyOf(lists.get(from).getSelectionModel().getSelectedItems());
    move(selected, to);
  }

  private void move(List<Finding> selected, Status to) {
    if (selected.isEmpty()) {
      return;
    }
    if (to == Status.DISMISSED) {
      dialogs.chooseDismissReason(selected.size()).ifPresent(reason -> model.move(selected, to, reason));
    } else {
      model.move(selected, to, null);
    }
  }

  /** What a drop of these findings' ids on a column does (also the way UI tests drop: Monocle has no drag and drop). */
  public void drop(List<Long> ids, Status status) {
    move(model.byIds(ids), status);
  }

  private void dragAndDrop(ListView<Finding> list, Status status) {
    list.setOnDragDetected(e -> {
      List<Finding> selected = list.getSelectionModel().getSelectedItems();
      if (selected.isEmpty()) {
        return;
      }
      Dragboard db = list.startDragAndDrop(TransferMode.MOVE);
      ClipboardContent content = new ClipboardContent();
      content.put(IDS, selected.stream().map(f -> String.valueOf(f.id())).reduce((a, b) -> a + "," + b).orElse(""));
      db.setContent(content);
      e.consume();
    });
    list.setOnDragOver(e -> {
      if (e.getGestureSource() != list && e.getDragboard().hasContent(IDS)) {
        e.acceptTransferModes(TransferMode.MOVE);
      }
      e.consume();
    });
    list.setOnDragDropped(e -> {
      Object ids = e.getDragboard().getContent(IDS);
      boolean done = false;
      if (ids instanceof String text && !text.isEmpty()) {
        drop(java.util.Arrays.stream(text.split(",")).map(Long::parseLong).toList(), status);
        done = true;
      }
      e.setDropCompleted(done);
      e.consume();
    });
  }

  /** One finding as a card: title, then severity, category, location, impact and effort, tools. */
  private static final class Card extends ListCell<Finding> {
    private final Label title = new Label();
    private final Label meta = new Label();
    private final VBox box = new VBox(2, title, meta);

    Card() {
      title.setWrapText(true);
      title.setStyle("-fx-font-weight: bold;");
      meta.getStyleClass().add(Css.MUTED);
      meta.setWrapText(true);
      box.setPadding(new Insets(4, 2, 4, 2));
      setPrefWidth(0);
    }

    @Override
    protected void updateItem(Finding f, boolean empty) {
      super.updateItem(f, empty);
      if (empty || f == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      if (!title.prefWidthProperty().isBound() && getListView() != null) {
        title.prefWidthProperty().bind(getListView().widthProperty().subtract(36));
        meta.prefWidthProperty().bind(getListView().widthProperty().subtract(36));
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        meta.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
      }
      title.setText(f.title());
      String where = f.location() == null ? "" : f.location().display();
      meta.setText(String.format(Locale.ROOT, "%s · %s · %s · impact %d · %s · %s", f.severity().name().toLowerCase(Locale.ROOT),
          f.category().key(), where, f.impact().value(), f.effort().size().name(),
          String.join(", ", f.sources().stream().map(s -> s.tool()).distinct().toList())));
      setText(null);
      setGraphic(box);
    }
  }
}
