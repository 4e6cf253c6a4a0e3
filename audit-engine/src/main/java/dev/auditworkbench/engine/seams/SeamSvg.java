package dev.auditworkbench.engine.seams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a seam map as a self-contained SVG: apps on a circle, grouped and coloured by cluster,
 * sized by module count, hotspot apps ringed in red; links drawn with a width that grows with
 * imports + co-changes, links that cross a seam solid and dark, links inside a cluster light, mutual
 * imports (cycles) red. No fonts or scripts are referenced, so the report can embed it as is.
 */
public final class SeamSvg {
  private static final String[] PALETTE = {
      "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#bab0ac", "#e15759", "#ff9da7"};

  private SeamSvg() {}

  public static String render(SeamMap map) {
    int n = map.apps().size();
    double radius = Math.max(160, n * 28);
    double size = 2 * radius + 260;
    double cx = size / 2;
    double cy = size / 2;
    List<String> order = new ArrayList<>();
    map.clusters().forEach(order::addAll);
    Map<String, double[]> at = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      double angle = 2 * Math.PI * i / Math.max(1, order.size()) - Math.PI / 2;
      at.put(order.get(i), new double[] {cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)});
    }
    Map<String, Integer> cluster = map.clusterOf();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\""
        + " viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"12\">\n", size, size, size, size));
    sb.append("<title>Seam map</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    for (SeamMap.Link l : map.links()) {
      double[] a = at.get(l.a());
      double[] b = at.get(l.b());
      boolean crosses = !cluster.get(l.a()).equals(cluster.get(l.b()));
      boolean cycle = l.aImportsB() && l.bImportsA();
      String colour = cycle ? "#d62728" : crosses ? "#333333" : "#bbbbbb";
      sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
          + " stroke-width=\"%.1f\"%s/><!-- %s - %s: %d imports, %d co-changes -->\n", a[0], a[1], b[0], b[1],
          colour, 1 + 1.5 * Math.log1p(l.weight()), l.imports() == 0 ? " stroke-dasharray=\"6 4\"" : "",
          SeamMap.xml(l.a()), SeamMap.xml(l.b()), l.imports(), l.coChanges()));
    }
    for (SeamMap.App app : map.apps()) {
      double[] p = at.get(app.name());
      double r = 10 + 4 * Math.sqrt(app.modules());
      String fill = PALETTE[app.cluster() % PALETTE.length];
      sb.append(String.format(Locale.ROOT, "<g class=\"app\" data-cluster=\"%d\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\""
          + " fill=\"%s\" stroke=\"%s\" stroke-width=\"%d\"/><title>%s: %d modules, cluster %d%s</title>",
          app.cluster() + 1, p[0], p[1], r, fill, app.hotspot() ? "#d62728" : "#ffffff", app.hotspot() ? 4 : 1,
          SeamMap.xml(app.name()), app.modules(), app.cluster() + 1, app.hotspot() ? ", holds a hotspot" : ""));
      boolean right = p[0] >= cx;
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s%s</text></g>\n",
          p[0] + (right ? r + 4 : -r - 4), p[1] + 4, right ? "start" : "end", SeamMap.xml(app.name()),
          app.hotspot() ? " \u25B2" : ""));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.0f\" fill=\"#555555\">Colour: cluster. Red ring: holds a"
        + " hotspot. Dark line: crosses a seam; red: mutual imports; dashed: changes together, no import.</text>\n",
        size - 12));
    return sb.append("</svg>\n").toString();
  }
}
