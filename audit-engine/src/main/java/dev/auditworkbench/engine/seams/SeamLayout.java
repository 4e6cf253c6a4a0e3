package dev.auditworkbench.engine.seams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each app of a seam map is drawn: each cluster as a group of its own (its apps on a small
 * circle around the cluster's centre), the largest cluster in the middle and the others around it,
 * so a cluster reads as one piece and the links that cross a seam run between groups. Shared by the
 * SVG writer and the desktop view, so the report and the screen show the same picture.
 */
public record SeamLayout(
    double size,
    double centreX,
    double centreY,
    Map<String, double[]> positions,
    Map<String, double[]> clusterCentres) {
  /** The colours of clusters 1, 2, ... (then repeating). */
  public static final List<String> PALETTE =
      List.of(
          "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#bab0ac",
          "#e15759", "#ff9da7");

  /** Room between neighbouring apps on a cluster's circle. */
  private static final double SPACING = 95;

  /** Room around a cluster for its labels. */
  private static final double LABEL_ROOM = 90;

  private static final double GAP = 30;
  private static final double MARGIN = 20;

  public static SeamLayout of(SeamMap map) {
    List<List<String>> clusters = new ArrayList<>();
    map.clusters().forEach(c -> clusters.add(List.copyOf(c)));
    int n = clusters.size();
    double[] inner = new double[n];
    double[] foot = new double[n];
    for (int k = 0; k < n; k++) {
      int m = clusters.get(k).size();
      inner[k] = m <= 1 ? 0 : Math.max(45, SPACING * m / (2 * Math.PI));
      foot[k] = inner[k] + LABEL_ROOM;
    }
    // The largest cluster in the middle, the others on a ring around it, each given an arc as wide
    // as its footprint.
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -foot[k]));
    double[][] centre = new double[n][2];
    if (n > 1) {
      int middle = order[0];
      double widest = 0;
      double arcs = 0;
      for (int i = 1; i < n; i++) {
        widest = Math.max(widest, foot[order[i]]);
        arcs += 2 * foot[order[i]] + GAP;
      }
      double ring = Math.max(foot[middle] + widest + GAP, arcs / (2 * Math.PI));
      double angle = -Math.PI / 2;
      for (int i = 1; i < n; i++) {
        int k = order[i];
        double share = (2 * foot[k] + GAP) / arcs * 2 * Math.PI;
        double at = n == 2 ? 0 : angle + share / 2;
        centre[k] = new double[] {ring * Math.cos(at), ring * Math.sin(at)};
        angle += share;
      }
      centre[middle] = new double[] {0, 0};
    }
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int k = 0; k < n; k++) {
      minX = Math.min(minX, centre[k][0] - foot[k]);
      minY = Math.min(minY, centre[k][1] - foot[k]);
      maxX = Math.max(maxX, centre[k][0] + foot[k]);
      maxY = Math.max(maxY, centre[k][1] + foot[k]);
    }
    if (n == 0) {
      minX = minY = 0;
      maxX = maxY = 2 * LABEL_ROOM;
    }
    // A square drawing with the groups in its middle.
    double size = Math.max(maxX - minX, maxY - minY) + 2 * MARGIN;
    double dx = (size - (maxX - minX)) / 2 - minX;
    double dy = (size - (maxY - minY)) / 2 - minY;
    Map<String, double[]> at = new LinkedHashMap<>();
    Map<String, double[]> centres = new LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      List<String> members = clusters.get(k);
      double cx = centre[k][0] + dx;
      double cy = centre[k][1] + dy;
      for (int i = 0; i < members.size(); i++) {
        double angle = 2 * Math.PI * i / members.size() - Math.PI / 2;
        at.put(
            members.get(i),
            new double[] {cx + inner[k] * Math.cos(angle), cy + inner[k] * Math.sin(angle)});
        centres.put(members.get(i), new double[] {cx, cy});
      }
    }
    return new SeamLayout(size, size / 2, size / 2, at, centres);
  }

  /**
   * True when an app's label goes to the right of its disc: apps on the right of their cluster (or
   * alone in it, on the right of the drawing) are labelled outward.
   */
  public boolean labelOnRight(String app) {
    double[] p = positions.get(app);
    double[] c = clusterCentres.get(app);
    if (Math.abs(p[0] - c[0]) < 1) {
      return p[0] >= centreX;
    }
    return p[0] > c[0];
  }

  /** The radius of an app's disc: grows with the square root of its module count. */
  public static double radius(SeamMap.App app) {
    return 10 + 4 * Math.sqrt(app.modules());
  }

  public static String colour(int cluster) {
    return PALETTE.get(cluster % PALETTE.size());
  }
}
