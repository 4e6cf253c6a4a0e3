package dev.auditworkbench.views.overview;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.ImportRecord;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.common.Texts;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Tiles of counts and the list of imports. */
public final class OverviewView extends VBox {
  private final FlowPane codeTiles = new FlowPane(12, 12);
  private final Label scanLine = new Label();
  private final FlowPane severityTiles = new FlowPane(12, 12);
  private final FlowPane categoryTiles = new FlowPane(12, 12);
  private final ListView<String> imports = new ListView<>();
  private final VBox highlights = new VBox(3);

  public OverviewView(OverviewViewModel model) {
    getStyleClass().add(Css.PAGE);
    setSpacing(12);
    severityTiles.setId("overview-severities");
    categoryTiles.setId("overview-categories");
    imports.setId("overview-imports");
    imports.setPlaceholder(new Label("Nothing imported yet."));
    codeTiles.setId("overview-code");
    highlights.setId("overview-highlights");
    scanLine.setId("overview-scan");
    scanLine.getStyleClass().add(Css.MUTED);
    getChildren()
        .addAll(
            pageTitle("Overview"),
            heading("The codebase"),
            codeTiles,
            scanLine,
            highlights,
            heading("Open findings by severity (counted as in the report)"),
            severityTiles,
            heading("By category"),
            categoryTiles,
            heading("Imports"),
            imports);
    VBox.setVgrow(imports, Priority.ALWAYS);
    imports.setMinHeight(140);
    model.snapshotProperty().addListener((o, a, s) -> show(s));
    if (model.snapshotProperty().get() != null) {
      show(model.snapshotProperty().get());
    }
  }

  private static Label pageTitle(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(Css.PAGE_TITLE);
    return l;
  }

  private static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(Css.SECTION_TITLE);
    return l;
  }

  private void show(OverviewViewModel.Snapshot s) {
    highlights
        .getChildren()
        .setAll(
            s.highlights().stream()
                .map(
                    h -> {
                      Label l = new Label("\u2022 " + h);
                      l.setWrapText(true);
                      return l;
                    })
                .toList());
    codeTiles.getChildren().clear();
    s.scan()
        .ifPresentOrElse(
            scan -> {
              codeTiles
                  .getChildren()
                  .addAll(
                      tile(scan.pythonFiles(), "Python files"),
                      tileText(String.format("%,d", scan.codeLines()), "code lines"));
              scanLine.setText(
                  "Last scan "
                      + Texts.minute(scan.scannedAt())
                      + (scan.commitId() == null
                          ? ""
                          : " at commit " + scan.commitId().substring(0, 12))
                      + "; "
                      + Texts.count(scan.parseFailures(), "file")
                      + " not valid Python 3");
            },
            () ->
                scanLine.setText(
                    "The repository has not been scanned yet (File > Re-scan repository)."));
    s.inventory()
        .ifPresent(
            inv ->
                codeTiles
                    .getChildren()
                    .addAll(
                        tile(
                            (int) inv.apps().stream().filter(a -> a.local()).count(), "local apps"),
                        tile(
                            (int) inv.models().stream().filter(m -> !m.abstractModel()).count(),
                            "models"),
                        tile(inv.routes().size(), "URL routes"),
                        tile(inv.views().size(), "views"),
                        tile(
                            (int) inv.tests().stream().filter(t -> t.skipped()).count(),
                            "skipped tests")));
    severityTiles.getChildren().clear();
    for (Map.Entry<Severity, Integer> e : s.bySeverity().entrySet()) {
      VBox tile = tile(e.getValue(), e.getKey().key());
      tile.getStyleClass().add(Css.severity(e.getKey()));
      severityTiles.getChildren().add(tile);
    }
    categoryTiles.getChildren().clear();
    for (Map.Entry<Category, Integer> e : s.byCategory().entrySet()) {
      categoryTiles.getChildren().add(tile(e.getValue(), e.getKey().key()));
    }
    imports.getItems().setAll(s.imports().stream().map(OverviewView::describe).toList());
  }

  /**
   * "#2 nginx-access.log access-log 2026-12-03 08:17 12,400 records; findings: 0 new, 0 unchanged,
   * 0 gone".
   */
  static String describe(ImportRecord r) {
    return String.format(
        "#%d  %s  %s  %s  %s; findings: %,d new, %,d unchanged, %,d gone%s",
        r.id(),
        r.fileName(),
        r.format(),
        Texts.minute(r.importedAt()),
        Texts.count(r.recordsRead(), "record"),
        r.newCount(),
        r.unchangedCount(),
        r.goneCount(),
        r.warningsOnly().isEmpty() ? "" : "; " + Texts.count(r.warningsOnly().size(), "warning"));
  }

  /** A count grouped as the code lines are ("10,000"). */
  private static VBox tile(int count, String label) {
    return tileText(String.format("%,d", count), label);
  }

  private static VBox tileText(String value, String label) {
    Label number = new Label(value);
    number.getStyleClass().add(Css.TILE_NUMBER);
    Label text = new Label(label);
    text.getStyleClass().add(Css.TILE_LABEL);
    VBox tile = new VBox(2, number, text);
    tile.getStyleClass().add(Css.TILE);
    tile.setId("tile-" + label.replace(' ', '-'));
    return tile;
  }
}
