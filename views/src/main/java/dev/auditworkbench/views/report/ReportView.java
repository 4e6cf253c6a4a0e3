package dev.auditworkbench.views.report;

import dev.auditworkbench.engine.project.ReportService;
import dev.auditworkbench.views.common.Css;
import dev.auditworkbench.views.common.DialogService;
import dev.auditworkbench.views.common.LockedWebView;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The Report page: a live preview of the report's HTML (WebView with JavaScript off, so nothing in
 * a finding can run) that refreshes after edits, and export buttons whose work shows in the status
 * bar.
 */
public final class ReportView extends BorderPane {
  private Button exportPdf;

  /** Asks where to write the PDF and exports it (File > Export report). */
  public void exportPdf() {
    exportPdf.fire();
  }

  private final LockedWebView preview = new LockedWebView("report-preview");
  private final Label summary = new Label();

  public ReportView(ReportViewModel model, DialogService dialogs) {
    setId("report-view");
    getStyleClass().add(Css.PAGE);
    summary.setId("report-summary");
    summary.getStyleClass().add(Css.MUTED);
    summary.setWrapText(true);
    Button refresh = new Button("Refresh");
    refresh.setId("report-refresh");
    refresh.setOnAction(e -> model.reload());
    ToolBar bar = new ToolBar(refresh);
    for (ReportService.Format f : ReportService.Format.values()) {
      Button b = new Button("Export " + f.name() + "...");
      if (f == ReportService.Format.PDF) {
        exportPdf = b;
      }
      b.setId("report-export-" + f.extension());
      b.setOnAction(
          e ->
              dialogs
                  .chooseExportFile(
                      "Export the report as " + f.name(),
                      f.extension(),
                      "audit-report." + f.extension())
                  .ifPresent(
                      (Path p) -> {
                        var task = model.export(f, p);
                        task.setOnSucceeded(
                            done ->
                                dialogs.showInformation(
                                    "Report exported", f.name() + " written to " + p));
                        task.setOnFailed(
                            failed ->
                                dialogs.showError(
                                    "Export failed",
                                    p + ": " + String.valueOf(task.getException().getMessage())));
                      }));
      bar.getItems().add(b);
    }
    Label title = new Label("Report");
    title.getStyleClass().add(Css.PAGE_TITLE);
    VBox top = new VBox(2, title, summary, bar);
    top.setPadding(new Insets(0, 0, 6, 0));
    setTop(top);
    // The report is a document: shown as a white sheet on a grey desk, in either theme (no white
    // frame around the cover in the dark one).
    preview.setUserStyle(
        "html { background: #5f6368; }"
            + " body { background: #ffffff; max-width: 60em; margin: 16px auto; padding: 0 24px 24px 24px;"
            + " box-shadow: 0 1px 6px rgba(0,0,0,0.5); } .cover { margin: 0 -24px; }");
    setCenter(preview.node());
    model.htmlProperty().addListener((o, a, html) -> preview.show(html));
    model.summaryProperty().addListener((o, a, s) -> summary.setText(s));
    if (!model.htmlProperty().get().isEmpty()) {
      preview.show(model.htmlProperty().get());
    }
    summary.setText(
        model.summaryProperty().get().isEmpty()
            ? "Building the preview..."
            : model.summaryProperty().get());
  }
}
