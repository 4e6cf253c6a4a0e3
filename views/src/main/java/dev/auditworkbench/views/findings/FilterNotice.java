package dev.auditworkbench.views.findings;

import dev.auditworkbench.views.common.Css;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * "Filtered by: search "sql", severity high [Clear filters]" on a page the Findings filters apply
 * to (the board, the matrix), so a search typed on one page never silently hides work on another.
 */
public final class FilterNotice extends HBox {
  public FilterNotice(FindingsViewModel findings, ReadOnlyStringProperty filters, String id) {
    super(8);
    setId(id);
    setAlignment(Pos.CENTER_LEFT);
    getStyleClass().add("filter-notice");
    Label text = new Label();
    text.setId(id + "-text");
    text.setWrapText(true);
    text.textProperty().bind(filters.map(f -> "Filtered by " + f + "."));
    Button clear = new Button("Clear filters");
    clear.setId(id + "-clear");
    clear.setOnAction(e -> findings.clearFilters());
    getChildren().addAll(text, clear);
    visibleProperty().bind(filters.isNotEmpty());
    managedProperty().bind(visibleProperty());
    text.getStyleClass().add(Css.MUTED);
  }
}
