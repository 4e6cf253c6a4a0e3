package dev.auditworkbench.views.detail;

import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.report.Markdown;
import dev.auditworkbench.engine.triage.TriageEdit;
import dev.auditworkbench.views.common.CodeText;
import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.common.DialogService;
import dev.auditworkbench.views.common.LockedWebView;
import dev.auditworkbench.views.common.Texts;
import dev.auditworkbench.views.queries.SqlText;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * A finding's full story beside the board: status (with the dismissal reason), impact, effort and
 * tags edited in place; its code at the scanned commit, highlighted, its lines marked; evidence;
 * Markdown notes with a preview; merged duplicates; and the history of every change. Each edit is
 * saved at once through the board's model, so it can be undone there.
 */
public final class FindingDetailPane extends VBox {
  private final FindingDetails model;
  private final DialogService dialogs;

  public FindingDetailPane(FindingDetails model, DialogService dialogs) {
    super(6);
    this.model = model;
    this.dialogs = dialogs;
    layOut();
  }

  /** Reads the finding's code, history and duplicates in the background, then shows them. */
  public void show(Finding f) {
    model
        .detail(f)
        .setOnSucceeded(e -> showDetail((FindingDetails.Detail) e.getSource().getValue()));
  }

  private final Label detailTitle =
      new Label("Select a finding to see its code, notes and history.");

  /** What the finding means and what to do, as the report prints it. */
  private final Label description = new Label();

  private final Label codeSource = new Label();
  private VirtualizedScrollPane<CodeArea> codeScroll;
  private final CodeArea code = new CodeArea();
  private final TextArea evidence = new TextArea();
  private final TextArea notes = new TextArea();
  private final TabPane notesTabs = new TabPane();
  private LockedWebView preview;
  private final ListView<String> history = new ListView<>();
  private final ComboBox<Status> status = new ComboBox<>();
  private final ComboBox<Integer> impact = new ComboBox<>();
  private final TextField effort = new TextField();
  private final TextField tags = new TextField();
  private final Label duplicates = new Label();
  private boolean showing;

  /** The finding on show, null before the first selection (the controls are off until then). */
  private final javafx.beans.property.ObjectProperty<Finding> shownProperty =
      new javafx.beans.property.SimpleObjectProperty<>();

  private void layOut() {
    detailTitle.setId("board-detail-title");
    detailTitle.setWrapText(true);
    detailTitle.setMinHeight(Region.USE_PREF_SIZE);
    detailTitle.getStyleClass().add(Css.BOLD);
    description.setId("board-description");
    description.setWrapText(true);
    description.setMinHeight(Region.USE_PREF_SIZE);
    status.setId("board-status");
    status.getItems().setAll(Status.INBOX, Status.CONFIRMED, Status.IN_REPORT, Status.DISMISSED);
    status.setConverter(
        new StringConverter<>() {
          public String toString(Status s) {
            return s == null ? "" : s.label();
          }

          public Status fromString(String s) {
            return null;
          }
        });
    status.valueProperty().addListener((o, a, b) -> statusChosen(b));
    impact.setId("board-impact");
    impact.getItems().setAll(1, 2, 3, 4, 5);
    impact.setPrefWidth(76);
    impact
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!showing
                  && shownProperty.get() != null
                  && b != null
                  && b != shownProperty.get().impact().value()) {
                model.edit(
                    shownProperty.get(),
                    new TriageEdit(null, null, Impact.of(b), null, null),
                    "set impact to " + b);
              }
            });
    effort.setId("board-effort");
    effort.setPrefColumnCount(5);
    effort.setPromptText("M, 6h, 2d");
    effort.setOnAction(e -> effortEntered());
    effort
        .focusedProperty()
        .addListener(
            (o, a, f) -> {
              if (!f) {
                effortEntered();
              }
            });
    tags.setId("board-tags");
    tags.setPromptText("tags, comma separated");
    tags.setOnAction(e -> tagsEntered());
    tags.focusedProperty()
        .addListener(
            (o, a, f) -> {
              if (!f) {
                tagsEntered();
              }
            });
    GridPane controls = new GridPane();
    controls.setHgap(6);
    controls.setVgap(4);
    controls.addRow(
        0,
        fixed(new Label("Status")),
        status,
        fixed(new Label("Impact")),
        impact,
        fixed(new Label("Effort")),
        effort);
    controls.add(fixed(new Label("Tags")), 0, 1);
    controls.add(tags, 1, 1, 5, 1);
    status.setMaxWidth(Double.MAX_VALUE);
    GridPane.setHgrow(status, Priority.ALWAYS);
    tags.setMaxWidth(Double.MAX_VALUE);
    codeSource.setId("board-code-source");
    codeSource.getStyleClass().add(Css.MUTED);
    codeSource.setWrapText(true);
    codeSource.setMinHeight(Region.USE_PREF_SIZE);
    code.setId("board-code");
    code.setEditable(false);
    code.getStyleClass().add("code-area");
    code.getStylesheets().add(FindingDetailPane.class.getResource("code.css").toExternalForm());
    evidence.setId("board-evidence");
    evidence.setEditable(false);
    evidence.setWrapText(true);
    evidence.setPrefRowCount(3);
    evidence.setMinHeight(40);
    notes.setId("board-notes");
    notes.setPromptText("Notes (Markdown), saved with Ctrl+S or the button");
    notes.setWrapText(true);
    notes.setPrefRowCount(4);
    notes.setMinHeight(50);
    notes.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
            saveNotes();
            e.consume();
          }
        });
    Tab write = new Tab("Write", notes);
    Tab previewTab = new Tab("Preview");
    previewTab.setId("board-notes-preview-tab");
    notesTabs.getTabs().setAll(write, previewTab);
    notesTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    notesTabs.setPrefHeight(130);
    notesTabs.setMinHeight(80);
    notesTabs
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, t) -> {
              if (t == previewTab) {
                if (preview == null) {
                  preview = new LockedWebView("board-notes-preview");
                  previewTab.setContent(preview.node());
                }
                preview.show(previewHtml(notes.getText()));
              }
            });
    Button save = new Button("Save notes");
    save.setId("board-save-notes");
    save.setOnAction(e -> saveNotes());
    duplicates.setId("board-duplicates");
    duplicates.setWrapText(true);
    duplicates.getStyleClass().add(Css.MUTED);
    history.setId("board-history");
    history.setPrefHeight(100);
    history.setMinHeight(44);
    codeScroll = new VirtualizedScrollPane<>(code);
    codeScroll.setPrefHeight(220);
    codeScroll.setMinHeight(60);
    getChildren()
        .setAll(
            detailTitle,
            description,
            controls,
            codeSource,
            codeScroll,
            new Label("Evidence"),
            evidence,
            new Label("Notes"),
            notesTabs,
            save,
            duplicates,
            new Label("History"),
            history);
    VBox.setVgrow(codeScroll, Priority.ALWAYS);
    // Before a finding is chosen the pane says so, and shows no empty form.
    codeScroll.setVisible(false); // shown with a finding that has code
    codeScroll.setManaged(false);
    for (javafx.scene.Node n : getChildren()) {
      if (n != detailTitle && n != codeScroll) {
        n.visibleProperty().bind(shownProperty.isNotNull());
        n.managedProperty().bind(n.visibleProperty());
      }
    }
    setPadding(new Insets(0, 0, 0, 8));
    // Room for the status, impact and effort controls whole ("In report", "4", "4h") and an
    // excerpt's line: at 320 px the status read "..." at 1366x768.
    setMinWidth(430);
  }

  private ScrollPane scroller;

  /**
   * The pane in a vertical scroller, what a page puts beside its list: on a short screen (768 px)
   * the excerpt, evidence, notes and history scroll instead of pushing the window's status bar off
   * the screen.
   */
  public ScrollPane scrollable() {
    if (scroller == null) {
      scroller = new ScrollPane(this);
      scroller.setFitToWidth(true);
      scroller.setFitToHeight(true);
      scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
      scroller.setMinWidth(getMinWidth() + 16); // and its vertical scroll bar
      scroller.getStyleClass().add("edge-to-edge");
      SplitPane.setResizableWithParent(scroller, false);
    }
    return scroller;
  }

  /**
   * After a reload, the card shown is read again (its history grew); notes being typed are kept.
   */
  public void refresh() {
    if (shownProperty.get() == null) {
      return;
    }
    model.byIds(List.of(shownProperty.get().id())).stream().findFirst().ifPresent(this::show);
  }

  private static Label fixed(Label l) {
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  /** The notes as the report will print them: Markdown rendered with raw HTML escaped. */
  static String previewHtml(String markdown) {
    return "<html><head><style>body{font-family:sans-serif;font-size:13px;margin:6px;}"
        + "code{background:#eef1f4;padding:0 2px;}</style></head><body>"
        + Markdown.html(markdown)
        + "</body></html>";
  }

  private void statusChosen(Status to) {
    if (showing
        || shownProperty.get() == null
        || to == null
        || to == shownProperty.get().status()) {
      return;
    }
    Finding f = shownProperty.get();
    if (to == Status.DISMISSED) {
      Optional<DismissReason> reason = dialogs.chooseDismissReason(1);
      if (reason.isEmpty()) {
        showing = true;
        status.setValue(f.status());
        showing = false;
        return;
      }
      model.move(List.of(f), to, reason.get());
    } else {
      model.move(List.of(f), to, null);
    }
  }

  private void effortEntered() {
    if (showing || shownProperty.get() == null || effort.getText().isBlank()) {
      return;
    }
    try {
      Effort e = Effort.parse(effort.getText().trim());
      effort.pseudoClassStateChanged(Css.INVALID, false);
      effort.setTooltip(null);
      if (!e.equals(shownProperty.get().effort())) {
        model.edit(
            shownProperty.get(), new TriageEdit(null, null, null, e, null), "set effort to " + e);
      }
    } catch (IllegalArgumentException bad) {
      effort.pseudoClassStateChanged(Css.INVALID, true);
      effort.setTooltip(new Tooltip(bad.getMessage()));
    }
  }

  private void tagsEntered() {
    if (showing || shownProperty.get() == null) {
      return;
    }
    List<String> now =
        Arrays.stream(tags.getText().split(","))
            .map(String::trim)
            .filter(t -> !t.isEmpty())
            .distinct()
            .toList();
    if (!now.equals(shownProperty.get().tags())) {
      model.edit(
          shownProperty.get(), TriageEdit.tags(now), "set tags to " + String.join(", ", now));
    }
  }

  private void saveNotes() {
    if (shownProperty.get() != null
        && !notes
            .getText()
            .equals(shownProperty.get().notes() == null ? "" : shownProperty.get().notes())) {
      model.saveNotes(shownProperty.get(), notes.getText());
    }
  }

  /**
   * Shows a finding's code (highlighted, its lines marked, scrolled into view), evidence, notes and
   * history.
   */
  private void showDetail(FindingDetails.Detail d) {
    showing = true;
    Finding previous = shownProperty.get();
    try {
      shownProperty.set(d.finding());
      Finding f = d.finding();
      detailTitle.setText(f.title() + "\n" + f.location().display());
      description.setText(f.description() == null ? "" : f.description());
      status.setValue(f.status());
      impact.setValue(f.impact().value());
      effort.setText(f.effort().hours() + "h");
      effort.pseudoClassStateChanged(Css.INVALID, false);
      tags.setText(String.join(", ", f.tags()));
      codeSource.setText(d.codeSource());
      String text = String.join("\n", d.code());
      code.replaceText(text);
      // Without code (a route, a setting, a secret) the evidence gets the room.
      codeScroll.setVisible(!d.code().isEmpty());
      codeScroll.setManaged(!d.code().isEmpty());
      VBox.setVgrow(evidence, d.code().isEmpty() ? Priority.ALWAYS : Priority.NEVER);
      if (d.code().isEmpty()) {
        code.setParagraphGraphicFactory(null);
        code.setParagraphStyle(0, List.of());
      } else {
        showCode(d, f, text);
      }
      evidence.setText(
          String.join("\n\n", f.evidence().stream().map(FindingDetailPane::evidenceText).toList())
              + (f.cwe().isEmpty()
                  ? ""
                  : "\n\n" + String.join(", ", f.cwe().stream().map(c -> "CWE-" + c).toList())));
      boolean typing =
          previous != null
              && previous.id() == f.id()
              && !notes.getText().equals(previous.notes() == null ? "" : previous.notes());
      if (!typing) {
        notes.setText(f.notes() == null ? "" : f.notes());
      }
      if (preview != null && notesTabs.getSelectionModel().getSelectedIndex() == 1) {
        preview.show(previewHtml(notes.getText()));
      }
      duplicates.setText(
          d.duplicates().isEmpty()
              ? ""
              : "Merged duplicates: "
                  + String.join(
                      "; ",
                      d.duplicates().stream()
                          .map(
                              x ->
                                  "#"
                                      + x.id()
                                      + " "
                                      + x.title()
                                      + " ("
                                      + String.join(
                                          ", ",
                                          x.sources().stream()
                                              .map(s -> s.tool())
                                              .distinct()
                                              .toList())
                                      + ")")
                          .toList()));
      history
          .getItems()
          .setAll(
              d.history().stream()
                  .map(
                      h ->
                          String.format(
                              Locale.ROOT,
                              "%s  %s: %s -> %s (%s)",
                              Texts.minute(h.at()),
                              h.field(),
                              h.oldValue(),
                              h.newValue(),
                              h.origin()))
                  .toList());
    } finally {
      showing = false;
    }
  }

  /** Evidence as text: SQL laid out one clause per line, the rest as the tool wrote it. */
  static String evidenceText(Evidence e) {
    return switch (e.kind()) {
      case SQL -> "SQL:\n" + SqlText.format(e.text());
      case TRACE -> "Trace:\n" + e.text();
      default -> e.text();
    };
  }

  /**
   * Highlighted code, numbered from the excerpt's first line, the finding's lines marked and
   * centred.
   */
  private void showCode(FindingDetails.Detail d, Finding f, String text) {
    code.setStyleSpans(0, CodeText.highlight(text, CodeText.languageOf(f.location().path())));
    int first = d.firstLine();
    code.setParagraphGraphicFactory(
        line -> {
          Label n = new Label(String.format(Locale.ROOT, "%4d ", first + line));
          n.getStyleClass().add("lineno");
          return n;
        });
    int from = Math.max(0, f.location().startLine() - first);
    int to = Math.max(from, Math.max(f.location().endLine(), f.location().startLine()) - first);
    for (int p = 0; p < code.getParagraphs().size(); p++) {
      code.setParagraphStyle(p, p >= from && p <= to ? List.of("marked") : List.of());
    }
    code.showParagraphAtCenter(Math.min(from, code.getParagraphs().size() - 1));
  }
}
