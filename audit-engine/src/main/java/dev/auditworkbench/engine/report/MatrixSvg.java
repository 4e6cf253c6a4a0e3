package dev.auditworkbench.engine.report;

import static org.apache.commons.text.StringEscapeUtils.escapeXml10;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.priority.MatrixLayout;
import dev.auditworkbench.engine.priority.Planner;
import java.util.List;
import java.util.Locale;

/**
 * The impact-vs-effort matrix as SVG: effort on a log scale (1 to 200 hours) across, impact up, the
 * quadrants split at the plan's thresholds and labelled, one disc per work item sized by its
 * findings and coloured by category, the top twenty numbered as in the prioritised list.
 */
public final class MatrixSvg {
  static final int WIDTH = 640;
  static final int HEIGHT = 420;
  private static final int LEFT = 60;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 62;
  private static final MatrixLayout.Frame FRAME =
      new MatrixLayout.Frame(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, 14);

  private MatrixSvg() {}

  public static String render(List<Planner.WorkItem> items) {
    return render(items, 4, 16);
  }

  public static String render(List<Planner.WorkItem> items, int highImpact, int lowEffortHours) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"Liberation Sans, sans-serif\" font-size=\"11\">",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    double splitX = x(lowEffortHours + 0.5);
    double splitY = y(highImpact - 0.5);
    int plotRight = WIDTH - RIGHT;
    int plotBottom = HEIGHT - BOTTOM;
    rect(sb, LEFT, TOP, splitX - LEFT, splitY - TOP, "#e8f5e9");
    rect(sb, splitX, TOP, plotRight - splitX, splitY - TOP, "#fff8e1");
    rect(sb, LEFT, splitY, splitX - LEFT, plotBottom - splitY, "#f3f6fa");
    rect(sb, splitX, splitY, plotRight - splitX, plotBottom - splitY, "#fdecea");
    label(sb, LEFT + 6, TOP + 14, "Quick wins", "start");
    label(sb, plotRight - 6, TOP + 14, "Major projects", "end");
    label(sb, LEFT + 6, plotBottom - 6, "Fill-ins", "start");
    label(sb, plotRight - 6, plotBottom - 6, "Money pits", "end");
    sb.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>",
            LEFT,
            plotBottom,
            plotRight,
            plotBottom));
    sb.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>",
            LEFT,
            TOP,
            LEFT,
            plotBottom));
    for (int h : new int[] {1, 2, 4, 8, 16, 40, 80, 200}) {
      double x = x(h);
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\"/>",
              x,
              plotBottom,
              x,
              plotBottom + 4));
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">%dh</text>",
              x,
              plotBottom + 16,
              h));
    }
    for (int i = 1; i <= 5; i++) {
      double y = y(i);
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#333\">%d</text>",
              LEFT - 8,
              y + 4,
              i));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">Effort (hours, log scale)</text>",
            (LEFT + plotRight) / 2,
            plotBottom + 32));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\" transform=\"rotate(-90 14 %d)\">Impact</text>",
            (TOP + plotBottom) / 2,
            (TOP + plotBottom) / 2));
    for (MatrixLayout.Disc d : MatrixLayout.place(items, FRAME, 4, highImpact, lowEffortHours)) {
      Planner.WorkItem w = d.item();
      Category cat = w.findings().get(0).category();
      sb.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.75\" stroke=\"#fff\""
                  + " stroke-width=\"0.8\"><title>%s</title></circle>",
              d.x(),
              d.y(),
              d.radius(),
              colour(cat),
              escapeXml10(w.title())));
      if (d.rank() <= 20) {
        sb.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"8\" fill=\"#fff\""
                    + " font-weight=\"bold\">%d</text>",
                d.x(),
                d.y() + 3,
                d.rank()));
      }
    }
    int lx = LEFT;
    for (Category c : Category.values()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/>",
              lx + 4,
              HEIGHT - 11,
              colour(c)));
      lx += 10;
      String name = ReportModel.label(c);
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" fill=\"#333\" font-size=\"9\">%s</text>",
              lx,
              HEIGHT - 8,
              name));
      lx += 8 + name.length() * 5;
    }
    sb.append("</svg>");
    return sb.toString();
  }

  public static String colour(Category c) {
    return switch (c) {
      case SECURITY -> "#c62828";
      case PERFORMANCE -> "#ef6c00";
      case ARCHITECTURE -> "#6a1b9a";
      case MAINTAINABILITY -> "#1565c0";
      case DEPENDENCIES -> "#2e7d32";
      case TESTING -> "#00838f";
    };
  }

  private static double x(double hours) {
    return FRAME.x(hours);
  }

  private static double y(double impact) {
    return FRAME.y(impact);
  }

  private static void rect(StringBuilder sb, double x, double y, double w, double h, String fill) {
    sb.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
            x,
            y,
            w,
            h,
            fill));
  }

  private static void label(StringBuilder sb, double x, double y, String text, String anchor) {
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"#444\" font-weight=\"bold\">%s</text>",
            x,
            y,
            anchor,
            text));
  }
}
