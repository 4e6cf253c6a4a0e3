package dev.auditworkbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.project.AuditProject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "inventory",
    description = "Print the Django inventory of the last scan: apps, models, views, routes...")
final class InventoryCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Mixin ProjectOption project;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    DjangoInventory inv;
    try (AuditProject store = project.openForReading()) {
      inv =
          store
              .analyses()
              .inventory()
              .orElseThrow(
                  () ->
                      new UsageException(
                          "the project has not been scanned yet: run 'workbench scan'"));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(inv));
      return ExitCodes.OK;
    }
    out.printf("Apps (%d):%n", inv.apps().size());
    inv.apps()
        .forEach(
            a -> out.printf("  %-40s %s%n", a.name(), a.local() ? "local" : "third-party/contrib"));
    out.printf("Models (%d):%n", inv.models().size());
    for (var m : inv.models()) {
      out.printf(
          "  %-40s table %-28s %s:%d%s%n",
          m.qualname(), m.table(), m.path(), m.line(), m.abstractModel() ? "  (abstract)" : "");
      m.fields().stream()
          .filter(DjangoInventory.Field::isRelation)
          .forEach(
              f ->
                  out.printf(
                      "      %s %s -> %s%s%n",
                      f.type(), f.name(), f.target(), f.inherited() ? " (inherited)" : ""));
    }
    out.printf("Routes (%d):%n", inv.routes().size());
    inv.routes().forEach(r -> out.printf("  %-45s %s%n", "/" + r.pattern(), r.view()));
    out.printf(
        "Views (%d), templates (%d), migrations (%d apps), commands (%d), tasks (%d), receivers (%d)%n",
        inv.views().size(),
        inv.templates().size(),
        inv.migrations().size(),
        inv.commands().size(),
        inv.tasks().size(),
        inv.receivers().size());
    if (!inv.serializers().isEmpty()) {
      out.printf("Serializers (%d):%n", inv.serializers().size());
      inv.serializers()
          .forEach(
              sz ->
                  out.printf("  %-45s %s:%d  %s%n", sz.name(), sz.path(), sz.line(), sz.detail()));
    }
    long skipped = inv.tests().stream().filter(DjangoInventory.Test::skipped).count();
    out.printf("Tests: %d, skipped %d%n", inv.tests().size(), skipped);
    inv.tests().stream()
        .filter(DjangoInventory.Test::skipped)
        .forEach(
            t ->
                out.printf(
                    "  skipped %s (%s:%d) %s%n", t.qualname(), t.path(), t.line(), t.skipReason()));
    return ExitCodes.OK;
  }
}
