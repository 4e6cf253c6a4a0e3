package dev.auditworkbench.views.matrix;

/** The matrix's scale for UI tests (package-private in the view). */
public final class MatrixViewTestAccess {
  private MatrixViewTestAccess() {}

  public static double x(double hours) {
    return MatrixView.x(hours);
  }

  public static double y(double impact) {
    return MatrixView.y(impact);
  }
}
