package dev.auditworkbench.views.brokenarrows;

import javafx.scene.control.Label;

/** Breaks an arrow on purpose: a view model holding a node. */
public final class NodeHoldingViewModel {
  public Label label;
}
