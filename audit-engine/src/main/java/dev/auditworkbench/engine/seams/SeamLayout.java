package dev.auditworkbench.engine.seams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each app of a seam map is drawn: on a circle, cluster after cluster, so the members of a
 * cluster sit together and links that cross a seam cross the drawing. Shared by the SVG writer and
 * the desktop view, so the report and the screen show the same picture.
 */
public record SeamLayout(
    double size, double centreX, double centreY, Map<String, double[]> positions) {
  /** The colours of clusters 1, 2, ... (then repeating). */
  public static final List<String> PALETTE =
      List.of(
          "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#bab0ac",
          "#e15759", "#ff9da7");

  public static SeamLayout of(SeamMap map) {
    int n = map.apps().size();
    double radius = Math.max(160, n * 28);
    double size = 2 * radius + 260;
    double c = size / 2;
    List<String> order = new ArrayList<>();
    map.clusters().forEach(order::addAll);
    Map<String, double[]> at = new LinkedHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      double angle = 2 * Math.PI * i / Math.max(1, order.size()) - Math.PI / 2;
      at.put(
          order.get(i), new double[] {c + radius * Math.cos(angle), c + radius * Math.sin(angle)});
    }
    return new SeamLayout(size, c, c, at);
  }

  /** The radius of an app's disc: grows with the square root of its module count. */
  public static double radius(SeamMap.App app) {
    return 10 + 4 * Math.sqrt(app.modules());
  }

  public static String colour(int cluster) {
    return PALETTE.get(cluster % PALETTE.size());
  }
}
