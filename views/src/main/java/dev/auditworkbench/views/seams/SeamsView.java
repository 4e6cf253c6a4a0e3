package dev.auditworkbench.views.seams;

import dev.auditworkbench.engine.scan.SeamDetails;
import dev.auditworkbench.engine.seams.SeamLayout;
import dev.auditworkbench.engine.seams.SeamMap;
import dev.auditworkbench.engine.strangler.StranglerCandidates;
import dev.auditworkbench.engine.strangler.StranglerText;
import dev.auditworkbench.engine.strangler.Stranglers;
import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.common.DialogService;
import dev.auditworkbench.views.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

/**
 * The seam map on screen: the same layout as the report's SVG (apps coloured by cluster, the top
 * hotspots' apps ringed, mutual imports red, seam-crossing links dark; hover for figures), beside
 * the clusters and the cost of each cut, cheapest first.
 */
public final class SeamsView extends BorderPane {
  private final Pane drawing = new Pane();
  private final ListView<String> clusters = new ListView<>();
  private final ListView<String> cuts = new ListView<>();
  private final Label empty = new Label("No seam map yet: scan the repository (Ctrl+R).");

  private final ListView<String> details = new ListView<>();
  private final SeamsViewModel model;
  private final TabPane sideTabs = new TabPane();
  private final Tab appTab = new Tab("App");
  private final ListView<StranglerCandidates.Candidate> candidates = new ListView<>();
  private final TextArea candidatePlan = new TextArea();
  private final Label notCandidates = new Label();

  /**
   * The candidates, best first, each with its reasons; the selected one's routes, nginx locations,
   * crossing imports and replay list below, exportable as TOML or JSON.
   */
  private VBox candidatesPane(DialogService dialogs) {
    candidates.setId("seam-candidates");
    Label hint =
        new Label(
            "No candidates yet: scan the repository; import an access log or traces for the"
                + " traffic.");
    hint.setWrapText(true);
    hint.setPadding(new Insets(8));
    candidates.setPlaceholder(hint);
    candidates.setCellFactory(
        v -> {
          ListCell<StranglerCandidates.Candidate> cell =
              new ListCell<>() {
                @Override
                protected void updateItem(StranglerCandidates.Candidate k, boolean isEmpty) {
                  super.updateItem(k, isEmpty);
                  setText(isEmpty || k == null ? null : StranglerText.headline(k));
                  setTooltip(
                      isEmpty || k == null
                          ? null
                          : new javafx.scene.control.Tooltip(String.join("\n", k.reasons())));
                }
              };
          return cell;
        });
    candidates.setPrefHeight(110);
    candidates.setMinHeight(60);
    candidatePlan.setId("seam-candidate-plan");
    candidatePlan.setWrapText(true);
    candidatePlan.setEditable(false);
    candidatePlan.getStyleClass().add(Css.MONOSPACE);
    candidatePlan.setPromptText("Select a candidate for its routes, nginx rules and replay list.");
    notCandidates.setId("seam-not-candidates");
    notCandidates.getStyleClass().add(Css.MUTED);
    notCandidates.setWrapText(true);
    notCandidates.setMinHeight(Region.USE_PREF_SIZE);
    Button export = new Button("Export replay list...");
    export.setId("seam-export-replay");
    export.setDisable(true);
    candidates
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, k) -> {
              export.setDisable(k == null || dialogs == null);
              candidatePlan.setText(
                  k == null ? "" : model.plan(k).map(StranglerText::plan).orElse(""));
              candidatePlan.positionCaret(0);
            });
    export.setOnAction(
        e -> {
          StranglerCandidates.Candidate k = candidates.getSelectionModel().getSelectedItem();
          if (k == null || dialogs == null) {
            return;
          }
          dialogs
              .chooseExportFile(
                  "Export the replay list", "toml", "replay-" + k.apps().get(0) + ".toml")
              .ifPresent(
                  p -> {
                    var task = model.exportReplay(k, p);
                    task.setOnSucceeded(
                        done -> dialogs.showInformation("Replay list exported", p.toString()));
                    task.setOnFailed(
                        failed ->
                            dialogs.showError(
                                "Export failed", String.valueOf(task.getException().getMessage())));
                  });
        });
    model.candidatesProperty().addListener((o, a, c) -> showCandidates(c));
    showCandidates(model.candidatesProperty().get());
    VBox.setVgrow(candidatePlan, javafx.scene.layout.Priority.ALWAYS);
    VBox box = new VBox(6, candidates, notCandidates, candidatePlan, export);
    box.setPadding(new Insets(6, 0, 0, 0));
    return box;
  }

  public SeamsView(SeamsViewModel model) {
    this(model, null);
  }

  public SeamsView(SeamsViewModel model, DialogService dialogs) {
    this.model = model;
    setId("seams-view");
    getStyleClass().add(Css.PAGE);
    drawing.setId("seam-drawing");
    clusters.setId("seam-clusters");
    cuts.setId("seam-cuts");
    Label clustersTitle = new Label("Clusters");
    Label cutsTitle = new Label("Cuts (cheapest first)");
    clustersTitle.getStyleClass().add("title-4");
    cutsTitle.getStyleClass().add("title-4");
    details.setId("seam-details");
    Label hint = new Label("Click an app for its modules, hotspots, owners and crossing imports.");
    hint.setWrapText(true);
    hint.setPadding(new Insets(8));
    details.setPlaceholder(hint);
    details.setCellFactory(v -> wrapping());
    Label detailsTitle = new Label("Selected app");
    detailsTitle.getStyleClass().add("title-4");
    ToolBar exports = new ToolBar(new Label("Export"));
    for (String ext : new String[] {"svg", "dot", "graphml"}) {
      Button b =
          new Button(ext.equals("graphml") ? "GraphML..." : ext.toUpperCase(Locale.ROOT) + "...");
      b.setId("seam-export-" + ext);
      b.setDisable(dialogs == null);
      b.setOnAction(
          e ->
              dialogs
                  .chooseExportFile("Export the seam map", ext, "seam-map." + ext)
                  .ifPresent(
                      p -> {
                        var task = model.export(p);
                        task.setOnSucceeded(
                            done -> dialogs.showInformation("Seam map exported", p.toString()));
                        task.setOnFailed(
                            failed ->
                                dialogs.showError(
                                    "Export failed",
                                    String.valueOf(task.getException().getMessage())));
                      }));
      exports.getItems().add(b);
    }
    VBox clustersBox = new VBox(6, clustersTitle, clusters, cutsTitle, cuts);
    clustersBox.setPadding(new Insets(6, 0, 0, 0));
    VBox.setVgrow(clusters, javafx.scene.layout.Priority.ALWAYS);
    VBox.setVgrow(cuts, javafx.scene.layout.Priority.ALWAYS);
    VBox appBox = new VBox(6, detailsTitle, details);
    appBox.setPadding(new Insets(6, 0, 0, 0));
    VBox.setVgrow(details, javafx.scene.layout.Priority.ALWAYS);
    Tab clustersTab = new Tab("Clusters", clustersBox);
    Tab candidatesTab = new Tab("Strangler candidates", candidatesPane(dialogs));
    candidatesTab.setId("seam-candidates-tab");
    appTab.setContent(appBox);
    appTab.setId("seam-app-tab");
    sideTabs.getTabs().setAll(clustersTab, candidatesTab, appTab);
    sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    VBox.setVgrow(sideTabs, javafx.scene.layout.Priority.ALWAYS);
    VBox side = new VBox(6, exports, sideTabs);
    side.setPadding(new Insets(8));
    side.setMinWidth(260);
    ScrollPane scroll = new ScrollPane(new Group(drawing));
    // Fit the whole map in the view (enlarged up to 1.5x): the point is to see every seam at once.
    scroll.viewportBoundsProperty().addListener((o, a, b) -> fit(b.getWidth(), b.getHeight()));
    drawing
        .prefWidthProperty()
        .addListener(
            (o, a, b) ->
                fit(scroll.getViewportBounds().getWidth(), scroll.getViewportBounds().getHeight()));
    this.scroll = scroll;
    scroll.setPannable(true);
    scroll.addEventFilter(
        ScrollEvent.SCROLL,
        e -> {
          if (e.isShortcutDown()) {
            zoomBy(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15);
            e.consume();
          }
        });
    clusters.setCellFactory(v -> wrapping());
    cuts.setCellFactory(v -> wrapping());
    VBox mapAndLegend = new VBox(6, scroll, legend());
    VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
    SplitPane split = new SplitPane(mapAndLegend, side);
    split.setDividerPositions(0.62);
    Label title = new Label("Seam map");
    title.getStyleClass().add(Css.PAGE_TITLE);
    Label subtitle =
        new Label(
            "Apps linked by their imports and by files that change together; clusters can be cut apart.");
    subtitle.getStyleClass().add(Css.MUTED);
    javafx.scene.layout.VBox top = new javafx.scene.layout.VBox(2, title, subtitle);
    top.setPadding(new javafx.geometry.Insets(0, 0, 8, 0));
    setTop(top);
    setCenter(split);
    model.mapProperty().addListener((o, a, map) -> show(map));
    model.loadedProperty().addListener((o, a, b) -> show(model.mapProperty().get()));
    model
        .detailsProperty()
        .addListener(
            (o, a, d) -> {
              List<String> shown = new ArrayList<>(d.map(SeamsView::lines).orElse(List.of()));
              if (d.isPresent() && model.candidatesProperty().get().isPresent()) {
                shown.add(1, model.candidatesProperty().get().get().appTraffic(d.get().app()));
              }
              details.getItems().setAll(shown);
            });
    show(model.mapProperty().get());
  }

  private final ScrollPane scroll;

  private double zoom = 1;

  private void fit(double width, double height) {
    double size = drawing.getPrefWidth();
    double scale = size <= 0 || width <= 0 ? 1 : Math.min(1.5, Math.min(width, height) / size);
    drawing.setScaleX(scale * zoom);
    drawing.setScaleY(scale * zoom);
  }

  /** Ctrl+scroll zooms (0.5x to 4x of the fitted size); the scroll pane pans. */
  private void zoomBy(double factor) {
    zoom = Math.max(0.5, Math.min(4, zoom * factor));
    fit(scroll.getViewportBounds().getWidth(), scroll.getViewportBounds().getHeight());
  }

  private void showCandidates(Optional<Stranglers.Analysis> c) {
    candidates.getItems().setAll(c.map(Stranglers.Analysis::candidates).orElse(List.of()));
    notCandidates.setText(c.map(SeamsView::notCandidatesInShort).orElse(""));
    notCandidates.setTooltip(
        c.filter(x -> !x.notCandidates().isEmpty())
            .map(x -> new javafx.scene.control.Tooltip(String.join("\n", x.notCandidates())))
            .orElse(null));
    if (!candidates.getItems().isEmpty()) {
      candidates.getSelectionModel().select(0);
    }
  }

  /** "Not candidates: the core (cluster 1) and 3 clusters no route reaches." */
  static String notCandidatesInShort(Stranglers.Analysis a) {
    long core = a.notCandidates().stream().filter(n -> n.contains("the core")).count();
    long routeless = a.notCandidates().size() - core;
    List<String> parts = new ArrayList<>();
    a.notCandidates().stream()
        .filter(n -> n.contains("the core"))
        .forEach(
            n -> parts.add("the core (" + n.replaceAll(".*\\((cluster \\d+)\\).*", "$1") + ")"));
    if (routeless > 0) {
      parts.add(routeless + (routeless == 1 ? " cluster" : " clusters") + " no route reaches");
    }
    String traffic =
        a.totalRequests() == 0 ? "No traffic imported: ranked by cut cost and coverage. " : "";
    return traffic
        + (parts.isEmpty() ? "" : "Not candidates: " + String.join(" and ", parts) + ".");
  }

  private static List<String> lines(SeamDetails d) {
    List<String> out = new ArrayList<>();
    out.add(d.app() + " (cluster " + (d.cluster() + 1) + "): " + d.modules().size() + " modules");
    d.hotspots().forEach(h -> out.add("hotspot: " + h));
    d.owners().stream().limit(5).forEach(o -> out.add("owner: " + o));
    out.add(d.crossing().size() + " imports cross to other clusters:");
    d.crossing().forEach(c -> out.add("  " + c));
    d.modules().forEach(m -> out.add("module: " + m));
    return out;
  }

  private static ListCell<String> wrapping() {
    ListCell<String> cell =
        new ListCell<>() {
          @Override
          protected void updateItem(String item, boolean isEmpty) {
            super.updateItem(item, isEmpty);
            setText(isEmpty ? null : item);
          }
        };
    cell.setWrapText(true);
    cell.setPrefWidth(
        0); // take the list's width, so long cluster lists wrap instead of scrolling sideways
    return cell;
  }

  /** What the colours, rings and lines of the map say (the report's SVG says the same). */
  private static FlowPane legend() {
    FlowPane legend = new FlowPane(16, 4);
    legend.setId("seam-legend");
    legend.setPadding(new Insets(4, 8, 4, 8));
    Circle a = new Circle(6);
    a.getStyleClass().add("cluster-0");
    Circle b = new Circle(6);
    b.getStyleClass().add("cluster-1");
    HBox colours = new HBox(2, a, b);
    colours.setAlignment(Pos.CENTER_LEFT);
    Circle ring = new Circle(6);
    ring.getStyleClass().addAll("cluster-0", "seam-hotspot");
    ring.setStrokeWidth(3);
    legend
        .getChildren()
        .addAll(
            key(colours, "colour: cluster"),
            key(ring, "red ring and \u25B2: holds a top hotspot"),
            key(line("seam-link", 1, false), "grey line: imports across a seam"),
            key(line("seam-link", 0.35, false), "faded: inside a cluster"),
            key(line("seam-link-cycle", 1, false), "red: they import each other"),
            key(line("seam-link", 1, true), "dashed: change together, no import"));
    return legend;
  }

  private static Line line(String style, double opacity, boolean dashed) {
    Line l = new Line(0, 0, 22, 0);
    l.getStyleClass().add(style);
    l.setStrokeWidth(2.5);
    l.setOpacity(opacity);
    if (dashed) {
      l.getStrokeDashArray().addAll(6.0, 4.0);
    }
    return l;
  }

  private static Label key(javafx.scene.Node graphic, String text) {
    Label l = new Label(text, graphic);
    l.getStyleClass().add(Css.MUTED);
    return l;
  }

  /** "Clusters 1 and 4: 3 imports and 1 co-change cross this cut (2 links)". */
  static String cutInWords(SeamMap.Cut c) {
    String imports = c.imports() == 0 ? "no import" : Texts.count(c.imports(), "import");
    String coChanges =
        c.coChanges() == 0 ? "no co-change" : Texts.count(c.coChanges(), "co-change");
    return String.format(
        Locale.ROOT,
        "Clusters %d and %d: %s and %s cross this cut (%s)",
        c.clusterA() + 1,
        c.clusterB() + 1,
        imports,
        coChanges,
        Texts.count(c.links(), "link"));
  }

  private void show(Optional<SeamMap> map) {
    drawing.getChildren().clear();
    clusters.getItems().clear();
    cuts.getItems().clear();
    if (!model.loadedProperty().get()) {
      drawing.getChildren().add(new Label("Drawing the seam map..."));
      return;
    }
    if (map.isEmpty()) {
      drawing.getChildren().add(empty);
      return;
    }
    SeamMap m = map.get();
    SeamLayout layout = SeamLayout.of(m);
    drawing.setPrefSize(layout.size(), layout.size());
    Map<String, Integer> cluster = m.clusterOf();
    for (SeamMap.Link l : m.links()) {
      double[] a = layout.positions().get(l.a());
      double[] b = layout.positions().get(l.b());
      Line line = new Line(a[0], a[1], b[0], b[1]);
      boolean cycle = l.aImportsB() && l.bImportsA();
      boolean crosses = !cluster.get(l.a()).equals(cluster.get(l.b()));
      // Mid grey reads on both themes; links inside a cluster are faded so the seams stand out.
      line.getStyleClass().add(cycle ? "seam-link-cycle" : "seam-link");
      line.setOpacity(cycle || crosses ? 1 : 0.35);
      line.setStrokeWidth((crosses ? 1.5 : 1) + 1.5 * Math.log1p(l.weight()));
      if (l.imports() == 0) {
        line.getStrokeDashArray().addAll(6.0, 4.0);
      }
      Tooltip.install(
          line,
          new Tooltip(
              l.a()
                  + " - "
                  + l.b()
                  + ": "
                  + l.imports()
                  + " imports, "
                  + l.coChanges()
                  + " co-changes"
                  + (cycle ? " (they import each other)" : "")));
      drawing.getChildren().add(line);
    }
    for (SeamMap.App app : m.apps()) {
      double[] p = layout.positions().get(app.name());
      double r = SeamLayout.radius(app);
      Circle disc = new Circle(p[0], p[1], r);
      disc.getStyleClass()
          .addAll(
              "cluster-" + app.cluster() % SeamLayout.PALETTE.size(),
              app.hotspot() ? "seam-hotspot" : "seam-plain");
      disc.setStrokeWidth(app.hotspot() ? 4 : 1);
      disc.getStyleClass().add("seam-app");
      disc.setId("seam-app-" + app.name());
      disc.setCursor(Cursor.HAND);
      disc.setOnMouseClicked(
          e -> {
            model.select(app.name());
            sideTabs.getSelectionModel().select(appTab);
          });
      Tooltip.install(
          disc,
          new Tooltip(
              app.name()
                  + ": "
                  + app.modules()
                  + " modules, cluster "
                  + (app.cluster() + 1)
                  + (app.hotspot() ? ", holds a top hotspot" : "")));
      boolean right = layout.labelOnRight(app.name());
      Text label = new Text(app.name() + (app.hotspot() ? " \u25B2" : ""));
      label.getStyleClass().add("seam-label");
      label.setY(p[1] + 4);
      // Left-side labels end at the disc; their width is known only once the theme's font applies.
      // (translateX, not x: layout bounds depend on x, so binding x to them would recurse).
      label.setX(right ? p[0] + r + 4 : p[0] - r - 4);
      if (!right) {
        label
            .translateXProperty()
            .bind(
                Bindings.createDoubleBinding(
                    () -> -label.getLayoutBounds().getWidth(), label.layoutBoundsProperty()));
      }
      drawing.getChildren().addAll(disc, label);
    }
    for (int i = 0; i < m.clusters().size(); i++) {
      clusters.getItems().add((i + 1) + ": " + String.join(", ", m.clusters().get(i)));
    }
    for (SeamMap.Cut c : m.cuts()) {
      cuts.getItems().add(cutInWords(c));
    }
  }
}
