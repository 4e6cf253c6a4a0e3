package dev.auditworkbench.views.brokenarrows;

/** Breaks an arrow on purpose: a view model holding a node. */
public final class NodeHoldingViewModel {
  public javafx.scene.control.Label label;
}
