package dev.auditworkbench.views.upgrade;

import dev.auditworkbench.engine.excerpt.CodeExcerpts;
import dev.auditworkbench.engine.upgrade.UpgradePlan;
import dev.auditworkbench.views.common.CodeText;
import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.common.DialogService;
import dev.auditworkbench.views.detail.FindingDetailPane;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The upgrade path on screen: the hops to the chosen Django release as an outline (packages, the
 * Python move, removed APIs, behaviour changes, each with its places in the code), and beside it
 * what the selected line means and the code it points at.
 */
public final class UpgradeView extends BorderPane {
  /** The chooser's entry for the default target. */
  static final String NEXT_TWO_LTS = "the next two LTS releases";

  private final UpgradeViewModel model;
  private final Label summary = new Label();
  private final ComboBox<String> target = new ComboBox<>();
  private final TreeView<UpgradeViewModel.Entry> outline = new TreeView<>();
  private final Label detail = new Label();
  private final Label codeSource = new Label();
  private final CodeArea code = new CodeArea();
  private final VirtualizedScrollPane<CodeArea> codeScroll = new VirtualizedScrollPane<>(code);
  private final Label empty = new Label();
  private final SplitPane split;
  private boolean settingTargets;

  public UpgradeView(UpgradeViewModel model, DialogService dialogs) {
    this.model = model;
    setId("upgrade-view");
    getStyleClass().add(Css.PAGE);
    Label title = new Label("Upgrade path");
    title.getStyleClass().add(Css.PAGE_TITLE);
    summary.setId("upgrade-summary");
    summary.getStyleClass().add(Css.MUTED);
    summary.setWrapText(true);
    target.setId("upgrade-target");
    target.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String s) {
            return s == null || s.isEmpty() ? NEXT_TWO_LTS : "Django " + s;
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    target
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!settingTargets && b != null) {
                model.planTo(b.isEmpty() ? null : b);
              }
            });
    Label to = new Label("Plan to");
    to.setLabelFor(target);
    Button export = new Button("Export as text...");
    export.setId("upgrade-export");
    export.setDisable(dialogs == null);
    export.setOnAction(
        e ->
            dialogs
                .chooseExportFile("Export the upgrade plan", "txt", "upgrade-plan.txt")
                .ifPresent(
                    p -> {
                      var task = model.export(p);
                      task.setOnSucceeded(
                          done -> dialogs.showInformation("Upgrade plan exported", p.toString()));
                      task.setOnFailed(
                          failed ->
                              dialogs.showError(
                                  "Export failed",
                                  String.valueOf(task.getException().getMessage())));
                    }));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox controls = new HBox(8, to, target, gap, export);
    controls.setAlignment(Pos.CENTER_LEFT);
    VBox top = new VBox(4, title, summary, controls);
    top.setPadding(new Insets(0, 0, 8, 0));
    setTop(top);

    outline.setId("upgrade-outline");
    outline.setShowRoot(false);
    outline.setCellFactory(
        v ->
            new TreeCell<>() {
              @Override
              protected void updateItem(UpgradeViewModel.Entry item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                setText(isEmpty || item == null ? null : item.text());
              }
            });
    outline
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, item) -> select(item == null ? null : item.getValue()));

    detail.setId("upgrade-detail");
    detail.setWrapText(true);
    detail.setMinHeight(Region.USE_PREF_SIZE);
    detail.setText("Select a line for what it means and the code it points at.");
    codeSource.setId("upgrade-code-source");
    codeSource.getStyleClass().add(Css.MUTED);
    codeSource.setWrapText(true);
    codeSource.setMinHeight(Region.USE_PREF_SIZE);
    code.setId("upgrade-code");
    code.setEditable(false);
    code.getStyleClass().add("code-area");
    code.getStylesheets().add(FindingDetailPane.class.getResource("code.css").toExternalForm());
    codeScroll.setPrefHeight(260);
    codeScroll.setMinHeight(80);
    showCode(false);
    ScrollPane detailScroll = new ScrollPane(detail);
    detailScroll.setFitToWidth(true);
    detailScroll.setPrefHeight(150);
    detailScroll.setMinHeight(80);
    VBox side = new VBox(6, detailScroll, codeSource, codeScroll);
    VBox.setVgrow(codeScroll, Priority.ALWAYS);
    side.setPadding(new Insets(0, 0, 0, 8));
    side.setMinWidth(340);
    split = new SplitPane(outline, side);
    split.setDividerPositions(0.55);
    empty.setId("upgrade-empty");
    empty.setWrapText(true);
    empty.setPadding(new Insets(16));
    model.planProperty().addListener((o, a, p) -> show(p));
    model.loadedProperty().addListener((o, a, b) -> show(model.planProperty().get()));
    show(model.planProperty().get());
  }

  private void show(Optional<UpgradePlan> plan) {
    if (!model.loadedProperty().get() || plan.isEmpty()) {
      empty.setText(
          !model.loadedProperty().get()
              ? "Planning the upgrade..."
              : "No upgrade path: the project pins no Django version (requirements, lock file or"
                  + " pyproject), or it has not been scanned since the upgrade path existed:"
                  + " scan the repository (Ctrl+R).");
      summary.setText("");
      setCenter(empty);
      return;
    }
    UpgradePlan p = plan.get();
    summary.setText(UpgradeViewModel.summary(p));
    settingTargets = true;
    try {
      List<String> targets = UpgradeViewModel.targets(p);
      target.getItems().setAll("");
      target.getItems().addAll(targets);
      target.setValue(model.target() == null ? "" : model.target());
    } finally {
      settingTargets = false;
    }
    TreeItem<UpgradeViewModel.Entry> root = new TreeItem<>();
    List<UpgradeViewModel.Entry> entries = UpgradeViewModel.outline(p);
    if (entries.isEmpty()) {
      empty.setText(
          "Nothing to do: the project already runs Django "
              + p.from()
              + (model.target() == null ? ", the latest LTS release." : "."));
      setCenter(empty);
      return;
    }
    for (UpgradeViewModel.Entry e : entries) {
      root.getChildren().add(item(e, 0));
    }
    outline.setRoot(root);
    setCenter(split);
    outline.getSelectionModel().select(0);
  }

  /** Hops and their four parts open; the rows of a table collapsed (their places below them). */
  private static TreeItem<UpgradeViewModel.Entry> item(UpgradeViewModel.Entry e, int depth) {
    TreeItem<UpgradeViewModel.Entry> item = new TreeItem<>(e);
    item.setExpanded(depth < 1);
    for (UpgradeViewModel.Entry c : e.children()) {
      item.getChildren().add(item(c, depth + 1));
    }
    return item;
  }

  private void select(UpgradeViewModel.Entry e) {
    if (e == null) {
      return;
    }
    detail.setText(e.detail());
    if (!e.hasPlace()) {
      showCode(false);
      return;
    }
    var task = model.excerpt(e);
    task.setOnSucceeded(
        done -> {
          if (outline.getSelectionModel().getSelectedItem() != null
              && outline.getSelectionModel().getSelectedItem().getValue() == e) {
            showExcerpt(e, task.getValue());
          }
        });
  }

  private void showExcerpt(UpgradeViewModel.Entry e, CodeExcerpts.Excerpt x) {
    codeSource.setText(x.source());
    if (x.isEmpty()) {
      showCode(false);
      codeSource.setVisible(true);
      codeSource.setManaged(true);
      return;
    }
    showCode(true);
    String text = String.join("\n", x.lines());
    code.replaceText(text);
    code.setStyleSpans(0, CodeText.highlight(text, CodeText.languageOf(e.path())));
    int first = x.firstLine();
    code.setParagraphGraphicFactory(
        line -> {
          Label n = new Label(String.format(Locale.ROOT, "%4d ", first + line));
          n.getStyleClass().add("lineno");
          return n;
        });
    int marked = e.line() - first;
    for (int p = 0; p < code.getParagraphs().size(); p++) {
      code.setParagraphStyle(p, p == marked ? List.of("marked") : List.of());
    }
    code.showParagraphAtCenter(Math.max(0, Math.min(marked, code.getParagraphs().size() - 1)));
  }

  private void showCode(boolean shown) {
    codeScroll.setVisible(shown);
    codeScroll.setManaged(shown);
    codeSource.setVisible(shown);
    codeSource.setManaged(shown);
  }
}
