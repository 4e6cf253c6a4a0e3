package dev.auditworkbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.report.OutputFile;
import dev.auditworkbench.engine.seams.SeamMap;
import dev.auditworkbench.engine.seams.SeamSvg;
import dev.auditworkbench.engine.strangler.StranglerCandidates;
import dev.auditworkbench.engine.strangler.StranglerRouting;
import dev.auditworkbench.engine.strangler.StranglerText;
import dev.auditworkbench.engine.strangler.Stranglers;
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

  @Option(
      names = "--candidates",
      description =
          "Rank the clusters as strangler-fig candidates: traffic, database time, cut cost,"
              + " coverage and churn, with the reasons in words.")
  boolean candidates;

  @Option(
      names = "--candidate",
      paramLabel = "RANK",
      description =
          "For the candidate of this rank (1: the first): the routes to put behind the routing"
              + " layer (nginx locations, regexes), the imports crossing its cut and the replay"
              + " list.")
  Integer candidate;

  @Option(
      names = "--replay",
      paramLabel = "FILE",
      description =
          "With --candidate: write the routes, crossing imports and replay list to this file,"
              + " TOML when it ends in .toml, else JSON.")
  Path replay;

  @Override
  public Integer call() throws Exception {
    if (candidates || candidate != null) {
      return strangler();
    }
    if (replay != null) {
      throw new UsageException("--replay needs --candidate RANK");
    }
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

  private int strangler() throws Exception {
    if (format == Format.dot || format == Format.graphml) {
      throw new UsageException("--candidates and --candidate print text or json");
    }
    Stranglers.Analysis analysis;
    try (AuditProject store = project.openForReading()) {
      analysis =
          store
              .analyses()
              .stranglerCandidates()
              .orElseThrow(
                  () ->
                      new UsageException(
                          "the project has not been scanned yet: run 'workbench scan'"));
    }
    var out = spec.commandLine().getOut();
    if (candidate == null) {
      if (format == Format.json) {
        out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(StranglerText.json(analysis)));
      } else {
        out.print(StranglerText.candidates(analysis));
      }
      return ExitCodes.OK;
    }
    StranglerCandidates.Candidate k =
        analysis
            .rank(candidate)
            .orElseThrow(
                () ->
                    new UsageException(
                        "no candidate of rank "
                            + candidate
                            + ": there are "
                            + analysis.candidates().size()));
    StranglerRouting.Plan plan = StranglerRouting.of(analysis, k);
    if (format == Format.json) {
      out.print(StranglerRouting.json(plan));
    } else {
      out.print(StranglerText.plan(plan));
    }
    if (replay != null) {
      String name = replay.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      OutputFile.writeString(
          replay,
          name.endsWith(".toml") ? StranglerRouting.toml(plan) : StranglerRouting.json(plan));
      spec.commandLine().getErr().println("Wrote " + replay);
    }
    return ExitCodes.OK;
  }
}
