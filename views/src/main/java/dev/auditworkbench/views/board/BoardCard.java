package dev.auditworkbench.views.board;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Words;
import dev.auditworkbench.views.common.Css;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * One finding as a compact card: the title on at most two lines, then one row with the severity
 * badge and category, file, impact and effort; the full text (location, tools, tags, merged
 * duplicates) is in the tooltip, so a column shows ten cards or more.
 */
final class BoardCard extends ListCell<Finding> {
  private final Function<Finding, List<Finding>> duplicatesOf;

  /**
   * The list's width less the cell's padding and a vertical scroll bar, which most columns have.
   */
  private static final double INSET = 46;

  private final Label title = new Label();
  private final Label severity = new Label();
  private final Label meta = new Label();
  private final HBox row = new HBox(6, severity, meta);
  private final VBox box = new VBox(3, title, row);
  private final Tooltip tip = new Tooltip();

  BoardCard(Function<Finding, List<Finding>> duplicatesOf) {
    this.duplicatesOf = duplicatesOf;
    title.setWrapText(true);
    title.setAlignment(Pos.TOP_LEFT);
    title.getStyleClass().addAll(Css.BOLD, "card-title");
    severity.getStyleClass().add(Css.SEVERITY_BADGE);
    severity.setMinWidth(Region.USE_PREF_SIZE);
    meta.getStyleClass().add(Css.MUTED);
    meta.setMinWidth(0);
    row.setAlignment(Pos.CENTER_LEFT);
    box.setPadding(new Insets(3, 2, 3, 2));
    tip.setWrapText(true);
    tip.setMaxWidth(520);
    setPrefWidth(0);
  }

  @Override
  protected void updateItem(Finding f, boolean empty) {
    super.updateItem(f, empty);
    if (empty || f == null) {
      setGraphic(null);
      setText(null);
      setTooltip(null);
      return;
    }
    if (!title.prefWidthProperty().isBound() && getListView() != null) {
      title.prefWidthProperty().bind(getListView().widthProperty().subtract(INSET));
      row.maxWidthProperty().bind(getListView().widthProperty().subtract(INSET));
      // The column's width changes (the detail pane opens, the window is resized): measure again.
      getListView().widthProperty().addListener((o, a, b) -> fitTitle());
    }
    List<Finding> dups = duplicatesOf.apply(f);
    title.setText((dups.isEmpty() ? "" : "×" + (dups.size() + 1) + "  ") + f.title());
    fitTitle();
    severity.setText(f.severity().key());
    severity
        .getStyleClass()
        .removeIf(c -> c.startsWith("severity-") && !c.equals(Css.SEVERITY_BADGE));
    severity.getStyleClass().add(Css.severity(f.severity()));
    String path = f.location() == null || f.location().path() == null ? "" : f.location().path();
    String file = path.substring(path.lastIndexOf('/') + 1);
    meta.setText(
        String.format(
            Locale.ROOT,
            "%s · %s · impact %d · %s",
            f.category().key(),
            file.isEmpty()
                ? "-"
                : file + (f.location().startLine() > 0 ? ":" + f.location().startLine() : ""),
            f.impact().value(),
            f.effort().size().name()));
    List<String> tools = new ArrayList<>(f.sources().stream().map(s -> s.tool()).toList());
    dups.forEach(d -> d.sources().forEach(s -> tools.add(s.tool())));
    tip.setText(
        f.title()
            + "\n"
            + f.severity().key()
            + " · "
            + f.category().key()
            + " · "
            + (f.location() == null ? "" : f.location().display())
            + "\nimpact "
            + f.impact().value()
            + " · effort "
            + f.effort()
            + " · "
            + String.join(", ", tools.stream().distinct().toList())
            + (f.tags().isEmpty() ? "" : "\n#" + String.join(" #", f.tags()))
            + (dups.isEmpty()
                ? ""
                : "\n" + Words.count(dups.size(), "duplicate") + " merged into it"));
    setTooltip(tip);
    setText(null);
    setGraphic(box);
  }

  /**
   * Two lines at most (the rest is in the tooltip): measured, since a wrapped label in a cell
   * otherwise gets one line or all of them.
   */
  private void fitTitle() {
    double width = getListView() == null ? 200 : Math.max(60, getListView().getWidth() - INSET);
    Text probe = new Text(title.getText());
    probe.setFont(
        Font.font(title.getFont().getFamily(), FontWeight.BOLD, title.getFont().getSize()));
    // Measured a little narrower than the label: a title that only just fits one line by the
    // Text's metrics gets two lines' room, never one line ending in "...".
    probe.setWrappingWidth(width * 0.92);
    Text one = new Text("Xg");
    one.setFont(probe.getFont());
    double textLine = one.getLayoutBounds().getHeight();
    int lines =
        (int) Math.min(2, Math.max(1, Math.round(probe.getLayoutBounds().getHeight() / textLine)));
    // A label's line is a little taller than a Text's: room for that, or the second line is cut.
    double height = lines * Math.max(textLine, probe.getFont().getSize() * 1.35) + 4;
    title.setMinHeight(height);
    title.setPrefHeight(height);
    title.setMaxHeight(height);
  }
}
