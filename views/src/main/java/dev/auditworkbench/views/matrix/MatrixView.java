package dev.auditworkbench.views.matrix;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.priority.MatrixLayout;
import dev.auditworkbench.engine.priority.Planner;
import dev.auditworkbench.views.common.Css;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The Matrix page: every work item placed by impact (up) and effort (across, log scale), in the
 * four quadrants; disc size is its findings, colour its category; hover for the title, click for
 * its details, drag to re-score (saved at once as the auditor's impact and effort). The roadmap by
 * phase sits beside it with hours, weeks and dates.
 */
public final class MatrixView extends BorderPane {
  static final double WIDTH = 720;
  static final double HEIGHT = 480;
  private static final double LEFT = 50;
  private static final double RIGHT = 16;
  private static final double TOP = 16;
  private static final double BOTTOM = 40;
  private static final MatrixLayout.Frame FRAME =
      new MatrixLayout.Frame(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, 14);
  private static final String SELECTED = "selected";

  private final MatrixViewModel model;
  private final Pane chart = new Pane();
  private final ListView<String> roadmap = new ListView<>();
  private final Label detail =
      new Label("Click a disc for its work item, double-click to open it; drag it to re-score.");
  private final Label summary = new Label();

  private Consumer<Planner.WorkItem> onOpen = w -> {};
  private Supplier<Predicate<Finding>> filter = () -> f -> true;

  /** What a double click on a disc does (the main window opens its first finding in Findings). */
  public void setOnOpen(Consumer<Planner.WorkItem> action) {
    onOpen = action;
  }

  /**
   * Shows only work items with a finding the filter keeps (the Findings and Board filters), redrawn
   * when asked.
   */
  public void setFilter(Supplier<Predicate<Finding>> f) {
    filter = f;
  }

  /** Draws again with the current filter. */
  public void refresh() {
    show(model.planProperty().get());
  }

  private final HBox notice = new HBox();

  /** Shows which of the Findings filters apply here, with a button to clear them. */
  public void setFilterNotice(javafx.scene.Node filterNotice) {
    notice.getChildren().setAll(filterNotice);
  }

  public MatrixView(MatrixViewModel model) {
    this.model = model;
    setId("matrix-view");
    getStyleClass().add(Css.PAGE);
    chart.setId("matrix-chart");
    chart.setPrefSize(WIDTH, HEIGHT);
    chart.setMinSize(WIDTH, HEIGHT);
    chart.setMaxSize(WIDTH, HEIGHT);
    roadmap.setId("matrix-roadmap");
    roadmap.setCellFactory(
        v -> {
          ListCell<String> cell =
              new ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                  super.updateItem(item, empty);
                  setText(empty ? null : item);
                }
              };
          cell.setWrapText(true);
          cell.setPrefWidth(0); // wrap to the list's width
          return cell;
        });
    detail.setId("matrix-detail");
    detail.setWrapText(true);
    summary.setId("matrix-summary");
    summary.getStyleClass().add(Css.MUTED);
    Label title = new Label("Impact vs effort");
    title.getStyleClass().add(Css.PAGE_TITLE);
    Label roadmapTitle = new Label("Roadmap");
    roadmapTitle.getStyleClass().add("title-4");
    VBox side = new VBox(6, roadmapTitle, roadmap, detail);
    side.setPadding(new Insets(0, 0, 0, 8));
    side.setMinWidth(280);
    // The chart grows and shrinks with the room it has (drawn at one size and scaled, so a drag
    // reads the same hours and impact at every size).
    StackPane holder = new StackPane(new Group(chart));
    holder.setMinSize(0, 0);
    holder.setPrefSize(WIDTH * 0.6, HEIGHT * 0.6);
    DoubleBinding scale =
        Bindings.createDoubleBinding(
            () ->
                Math.max(
                    0.5, Math.min(holder.getWidth() / WIDTH, holder.getHeight() / HEIGHT) * 0.98),
            holder.widthProperty(),
            holder.heightProperty());
    chart.scaleXProperty().bind(scale);
    chart.scaleYProperty().bind(scale);
    VBox chartAndLegend = new VBox(8, holder, legend());
    VBox.setVgrow(holder, Priority.ALWAYS);
    chartAndLegend.setPadding(new Insets(0, 0, 8, 0));
    SplitPane split = new SplitPane(chartAndLegend, side);
    split.setDividerPositions(0.68);
    VBox top = new VBox(2, title, summary, notice);
    top.setPadding(new Insets(0, 0, 8, 0));
    setTop(top);
    setCenter(split);
    model.planProperty().addListener((o, a, plan) -> show(plan));
    show(model.planProperty().get());
  }

  /** What a disc's colour and size say, as in the report's matrix. */
  private static FlowPane legend() {
    FlowPane legend = new FlowPane(14, 4);
    legend.setId("matrix-legend");
    legend.setPrefWrapLength(WIDTH);
    legend.setPadding(new Insets(0, 0, 0, LEFT));
    for (Category c : Category.values()) {
      Circle dot = new Circle(5);
      dot.getStyleClass().addAll("category-dot", "category-" + c.key());
      Label name = new Label(c.key(), dot);
      name.getStyleClass().add(Css.MUTED);
      legend.getChildren().add(name);
    }
    Label size = new Label("disc size: findings in the work item");
    size.getStyleClass().add(Css.MUTED);
    legend.getChildren().add(size);
    return legend;
  }

  static double x(double hours) {
    return FRAME.x(hours);
  }

  static double y(double impact) {
    return FRAME.y(impact);
  }

  /** Hours at a horizontal position, rounded to a whole hour. */
  static int hoursAt(double px) {
    return FRAME.hoursAt(px);
  }

  /** Impact at a vertical position, 1 to 5. */
  static int impactAt(double py) {
    return FRAME.impactAt(py);
  }

  private void show(Optional<Planner.Plan> maybe) {
    chart.getChildren().clear();
    roadmap.getItems().clear();
    if (maybe.isEmpty()) {
      summary.setText("Planning...");
      return;
    }
    Planner.Plan plan = maybe.get();
    summary.setText(
        String.format(
            Locale.ROOT,
            "%d work items from %d open findings and %d informational notes; %,d hours over %.1f"
                + " weeks for a team of %d",
            plan.items().size(),
            plan.openFindings() - informational(plan),
            informational(plan),
            plan.totalHours(),
            plan.totalWeeks(),
            plan.settings().teamSize()));
    double splitX = x(plan.settings().lowEffortHours() + 0.5);
    double splitY = y(plan.settings().highImpact() - 0.5);
    quadrant(LEFT, TOP, splitX - LEFT, splitY - TOP, "quick-win", "Quick wins", true, true);
    quadrant(
        splitX,
        TOP,
        WIDTH - RIGHT - splitX,
        splitY - TOP,
        "major-project",
        "Major projects",
        false,
        true);
    quadrant(
        LEFT, splitY, splitX - LEFT, HEIGHT - BOTTOM - splitY, "fill-in", "Fill-ins", true, false);
    quadrant(
        splitX,
        splitY,
        WIDTH - RIGHT - splitX,
        HEIGHT - BOTTOM - splitY,
        "money-pit",
        "Money pits",
        false,
        false);
    for (int h : new int[] {1, 2, 4, 8, 16, 40, 80, 200}) {
      Text t = new Text(x(h) - 8, HEIGHT - BOTTOM + 16, h + "h");
      t.getStyleClass().add("matrix-axis");
      chart.getChildren().add(t);
    }
    for (int i = 1; i <= 5; i++) {
      Text t = new Text(LEFT - 18, y(i) + 4, String.valueOf(i));
      t.getStyleClass().add("matrix-axis");
      chart.getChildren().add(t);
    }
    Text xLabel = new Text(WIDTH / 2 - 60, HEIGHT - 6, "Effort (hours, log scale)");
    xLabel.getStyleClass().add("matrix-axis");
    Text yLabel = new Text(4, TOP + 10, "Impact");
    yLabel.getStyleClass().add("matrix-axis");
    chart
        .getChildren()
        .addAll(
            xLabel,
            yLabel,
            axis(new Line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM)),
            axis(new Line(LEFT, TOP, LEFT, HEIGHT - BOTTOM)));
    // Every item is placed (so a disc keeps its place when filters hide others); the kept ones
    // are drawn.
    Predicate<Finding> keep = filter.get();
    int shown = 0;
    for (MatrixLayout.Disc d :
        MatrixLayout.place(
            plan.items(),
            FRAME,
            5,
            plan.settings().highImpact(),
            plan.settings().lowEffortHours())) {
      if (d.item().findings().stream().anyMatch(keep)) {
        chart.getChildren().add(disc(d));
        shown++;
      }
    }
    if (shown < plan.items().size()) {
      summary.setText(
          summary.getText() + String.format(Locale.ROOT, " (%d shown by the filters)", shown));
    }
    for (Planner.PhasePlan p : plan.phases()) {
      roadmap
          .getItems()
          .add(
              String.format(
                  Locale.ROOT,
                  "%d. %s: %d items, %d h, %.1f weeks%s",
                  p.phase().ordinal() + 1,
                  p.phase().label(),
                  p.items().size(),
                  p.hours(),
                  p.weeks(),
                  p.items().isEmpty() ? "" : " (" + p.start() + " to " + p.end() + ")"));
    }
  }

  /** An axis drawn in the theme's text colour (black lines vanish on the dark theme). */
  private static Line axis(Line line) {
    line.getStyleClass().add("matrix-axis-line");
    return line;
  }

  /** Informational notes among the planned findings, counted apart as the report does. */
  private static int informational(Planner.Plan plan) {
    return (int)
        plan.items().stream()
            .flatMap(w -> w.findings().stream())
            .filter(f -> f.severity() == dev.auditworkbench.engine.model.Severity.INFO)
            .count();
  }

  private void quadrant(
      double x,
      double y,
      double w,
      double h,
      String quadrantClass,
      String name,
      boolean left,
      boolean top) {
    Rectangle r = new Rectangle(x, y, w, h);
    r.getStyleClass().addAll("quadrant-area", quadrantClass);
    Text t = new Text(left ? x + 6 : x + w - 6 - name.length() * 7, top ? y + 16 : y + h - 6, name);
    t.getStyleClass().addAll("quadrant-name", quadrantClass);
    chart.getChildren().addAll(r, t);
  }

  private Circle disc(MatrixLayout.Disc d) {
    Planner.WorkItem w = d.item();
    int rank = d.rank();
    Circle c = new Circle(d.x(), d.y(), d.radius());
    c.setId("matrix-item-" + rank);
    c.getStyleClass().addAll("work-item-disc", "category-" + w.findings().get(0).category().key());
    c.setCursor(Cursor.HAND);
    Tooltip.install(
        c,
        new Tooltip(
            String.format(
                Locale.ROOT,
                "#%d %s%nimpact %d, effort %d h, %s, %s",
                rank,
                w.title(),
                w.impact(),
                w.effortHours(),
                w.quadrant().label(),
                w.phase().label())));
    c.getProperties().put("item", w);
    double[] start = new double[2];
    c.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            onOpen.accept(w);
          }
        });
    c.setOnMousePressed(
        e -> {
          select(c);
          start[0] = c.getCenterX();
          start[1] = c.getCenterY();
          detail.setText(describe(w, rank));
        });
    c.setOnMouseDragged(
        e -> {
          c.setCenterX(Math.max(LEFT, Math.min(WIDTH - RIGHT, e.getX())));
          c.setCenterY(Math.max(TOP, Math.min(HEIGHT - BOTTOM, e.getY())));
        });
    c.setOnMouseReleased(
        e -> {
          if (Math.hypot(c.getCenterX() - start[0], c.getCenterY() - start[1]) < 4) {
            return; // a click, not a drag
          }
          int impact = impactAt(c.getCenterY());
          int hours = hoursAt(c.getCenterX());
          detail.setText(
              String.format(
                  Locale.ROOT,
                  "Re-scored \"%s\": impact %d, effort %d h",
                  w.title(),
                  impact,
                  hours));
          model.rescore(w, impact, hours);
        });
    return c;
  }

  /** Rings the chosen disc (and only it) so the detail beside the chart reads as its. */
  private void select(Circle chosen) {
    chart.getChildren().forEach(n -> n.getStyleClass().remove(SELECTED));
    chosen.getStyleClass().add(SELECTED);
    chosen.toFront();
  }

  private static String describe(Planner.WorkItem w, int rank) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "#%d %s%n%s, %s; impact %d, effort %d h (%s), score %.1f",
                rank,
                w.title(),
                w.quadrant().label(),
                w.phase().label(),
                w.impact(),
                w.effortHours(),
                w.effortSize(),
                w.score()));
    if (w.expectedGain() != null) {
      sb.append("\nExpected: ").append(w.expectedGain());
    }
    List<String> members = w.findings().stream().limit(8).map(f -> "- " + f.title()).toList();
    if (w.findings().size() > 1) {
      sb.append("\n").append(String.join("\n", members));
    }
    return sb.toString();
  }
}
