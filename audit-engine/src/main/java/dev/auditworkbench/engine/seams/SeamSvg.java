package dev.auditworkbench.engine.seams;

import static org.apache.commons.text.StringEscapeUtils.escapeXml10;

import java.util.Locale;
import java.util.Map;

/**
 * Draws a seam map as a self-contained SVG: apps on a circle, grouped and coloured by cluster,
 * sized by module count, hotspot apps ringed in red; links drawn with a width that grows with
 * imports + co-changes, links that cross a seam solid and dark, links inside a cluster light,
 * mutual imports (cycles) red. No fonts or scripts are referenced, so the report can embed it as
 * is.
 */
public final class SeamSvg {
  private SeamSvg() {}

  public static String render(SeamMap map) {
    SeamLayout layout = SeamLayout.of(map);
    double size = layout.size();
    Map<String, double[]> at = layout.positions();
    Map<String, Integer> cluster = map.clusterOf();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\""
                + " viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"%.0f\">\n",
            size,
            size,
            size,
            size,
            Math.max(12, size / 60)));
    sb.append("<title>Seam map</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    for (SeamMap.Link l : map.links()) {
      double[] a = at.get(l.a());
      double[] b = at.get(l.b());
      boolean crosses = !cluster.get(l.a()).equals(cluster.get(l.b()));
      boolean cycle = l.aImportsB() && l.bImportsA();
      String colour = cycle ? "#d62728" : crosses ? "#333333" : "#bbbbbb";
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                  + " stroke-width=\"%.1f\"%s/><!-- %s - %s: %d imports, %d co-changes -->\n",
              a[0],
              a[1],
              b[0],
              b[1],
              colour,
              1 + 1.5 * Math.log1p(l.weight()),
              l.imports() == 0 ? " stroke-dasharray=\"6 4\"" : "",
              escapeXml10(l.a()),
              escapeXml10(l.b()),
              l.imports(),
              l.coChanges()));
    }
    for (SeamMap.App app : map.apps()) {
      double[] p = at.get(app.name());
      double r = SeamLayout.radius(app);
      String fill = SeamLayout.colour(app.cluster());
      sb.append(
          String.format(
              Locale.ROOT,
              "<g class=\"app\" data-cluster=\"%d\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\""
                  + " fill=\"%s\" stroke=\"%s\" stroke-width=\"%d\"/><title>%s: %d modules, cluster %d%s</title>",
              app.cluster() + 1,
              p[0],
              p[1],
              r,
              fill,
              app.hotspot() ? "#d62728" : "#ffffff",
              app.hotspot() ? 4 : 1,
              escapeXml10(app.name()),
              app.modules(),
              app.cluster() + 1,
              app.hotspot() ? ", holds a hotspot" : ""));
      boolean right = layout.labelOnRight(app.name());
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s%s</text></g>\n",
              p[0] + (right ? r + 4 : -r - 4),
              p[1] + 4,
              right ? "start" : "end",
              escapeXml10(app.name()),
              app.hotspot() ? " \u25B2" : ""));
    }
    // The legend grows with the drawing, which the report scales down to its column: readable at
    // any size, on two lines.
    double legend = Math.max(12, size / 50);
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"12\" y=\"%.0f\" fill=\"#555555\" font-size=\"%.0f\">Colour: cluster."
                + " Red ring: holds a hotspot.</text>\n"
                + "<text x=\"12\" y=\"%.0f\" fill=\"#555555\" font-size=\"%.0f\">Dark line: crosses"
                + " a seam; red: mutual imports; dashed: changes together, no import.</text>\n",
            size - 12 - 1.3 * legend,
            legend,
            size - 12,
            legend));
    return sb.append("</svg>\n").toString();
  }
}
