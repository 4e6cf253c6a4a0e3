package dev.auditworkbench.engine.report;

import static org.apache.commons.text.StringEscapeUtils.escapeXml10;

import dev.auditworkbench.engine.progress.Progress;
import java.util.List;
import java.util.Locale;

/**
 * Each compared route's p95 before and after as two bars (grey: the earlier round, blue: the
 * later), on one scale, the change in percent at the end of the row.
 */
public final class ProgressSvg {
  static final int WIDTH = 640;
  private static final int ROW = 30;
  private static final int LABEL = 230;
  private static final int BARS = 270;

  private ProgressSvg() {}

  /** The chart of the routes compared with enough requests, at most {@code max} of them. */
  public static String render(List<Progress.RouteChange> routes, int max) {
    List<Progress.RouteChange> shown =
        routes.stream().filter(Progress.RouteChange::enough).limit(max).toList();
    double top =
        shown.stream().mapToDouble(r -> Math.max(r.p95Before(), r.p95After())).max().orElse(1);
    int height = 30 + ROW * shown.size();
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
                + " %d\" font-family=\"Liberation Sans, sans-serif\" font-size=\"10\">",
            WIDTH,
            height,
            WIDTH,
            height));
    svg.append(
        "<rect x=\"230\" y=\"4\" width=\"10\" height=\"8\" fill=\"#9aa5b1\"/>"
            + "<text x=\"244\" y=\"12\" fill=\"#333\">p95 before</text>"
            + "<rect x=\"320\" y=\"4\" width=\"10\" height=\"8\" fill=\"#1f77b4\"/>"
            + "<text x=\"334\" y=\"12\" fill=\"#333\">p95 after</text>");
    int y = 24;
    for (Progress.RouteChange r : shown) {
      String label = r.route().length() > 40 ? r.route().substring(0, 39) + "\u2026" : r.route();
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#333\">%s</text>",
              LABEL - 6,
              y + 15,
              escapeXml10(label)));
      double a = BARS * r.p95Before() / top;
      double b = BARS * r.p95After() / top;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"10\" fill=\"#9aa5b1\"/>"
                  + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"10\" fill=\"#1f77b4\"/>",
              LABEL,
              y + 2,
              Math.max(1, a),
              LABEL,
              y + 13,
              Math.max(1, b)));
      double change = r.p95ChangePercent();
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" fill=\"#333\">%.0f \u2192 %.0f ms (%+.0f%%)</text>",
              LABEL + Math.max(a, b) + 6,
              y + 17,
              r.p95Before(),
              r.p95After(),
              change));
      y += ROW;
    }
    return svg.append("</svg>").toString();
  }
}
