package dev.auditworkbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.auditworkbench.engine.graph.ImportGraph;
import dev.auditworkbench.engine.project.AuditProject;
import dev.auditworkbench.engine.scan.GraphFacts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "graph", description = "Print the import graph of the last scan.")
final class GraphCommand implements Callable<Integer> {
  enum Format {
    dot,
    graphml,
    json
  }

  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Option(
      names = "--format",
      defaultValue = "dot",
      description = "dot, graphml or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    GraphFacts facts;
    try (AuditProject store = project.openForReading()) {
      facts =
          store
              .analyses()
              .graph()
              .orElseThrow(
                  () ->
                      new UsageException(
                          "the project has not been scanned yet: run 'workbench scan'"));
    }
    ImportGraph graph = ImportGraph.of(facts.modules(), facts.edges(), facts.thirdParty());
    var out = spec.commandLine().getOut();
    switch (format) {
      case dot -> out.print(graph.toDot());
      case graphml -> out.print(graph.toGraphMl());
      case json ->
          out.println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(facts));
    }
    return ExitCodes.OK;
  }
}
