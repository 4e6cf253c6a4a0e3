package dev.auditworkbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.report.OutputFile;
import dev.auditworkbench.engine.seams.SeamMap;
import dev.auditworkbench.engine.seams.SeamSvg;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "seams",
    description =
        "Print the seam map of the last scan: apps grouped into clusters and what each cut costs.")
final class SeamsCommand implements Callable<Integer> {
  enum Format {
    text,
    dot,
    graphml,
    json
  }

  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, dot, graphml or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--svg",
      paramLabel = "FILE",
      description = "Also draw the seam map into this SVG file.")
  Path svg;

  @Override
  public Integer call() throws Exception {
    SeamMap map;
    try (AuditProject store = project.openForReading()) {
      map =
          store
              .analyses()
              .seamMap()
              .orElseThrow(
                  () ->
                      new UsageException(
                          "the project has not been scanned yet: run 'workbench scan'"));
    }
    var out = spec.commandLine().getOut();
    switch (format) {
      case text -> {
        for (int i = 0; i < map.clusters().size(); i++) {
          out.println("cluster " + (i + 1) + ": " + String.join(", ", map.clusters().get(i)));
        }
        for (SeamMap.Cut cut : map.cuts()) {
          out.printf(
              "cut %d | %d: %d imports, %d co-changes over %d links%n",
              cut.clusterA() + 1, cut.clusterB() + 1, cut.imports(), cut.coChanges(), cut.links());
        }
      }
      case dot -> out.print(map.toDot());
      case graphml -> out.print(map.toGraphMl());
      case json -> {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("apps", map.apps());
        json.put("links", map.links());
        json.put("clusters", map.clusters());
        json.put("cuts", map.cuts());
        out.println(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
      }
    }
    if (svg != null) {
      OutputFile.writeString(svg, SeamSvg.render(map));
    }
    return ExitCodes.OK;
  }
}
