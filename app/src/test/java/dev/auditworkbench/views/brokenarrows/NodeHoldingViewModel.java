package dev.auditworkbench.views.brokenarrows;

/**
 * Breaks arrows on purpose: a view model holding a node, styled inline in a colour written in Java.
 */
public final class NodeHoldingViewModel {
  public javafx.scene.control.Label label;

  public void paint() {
    label.setStyle("-fx-text-fill: red;");
    label.setTextFill(javafx.scene.paint.Color.web("#ff0000"));
  }
}
