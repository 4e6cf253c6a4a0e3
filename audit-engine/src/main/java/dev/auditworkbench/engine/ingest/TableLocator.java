package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.model.Location;
import dev.auditworkbench.engine.spi.IndexSymbol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the code makes a database index that a report names: a finding whose symbol is an {@link
 * IndexSymbol} (the index importers write no path) is placed on the model of that table: on the
 * Meta.indexes entry that names the index (the line in the model's source, else the class), else on
 * the field of the index's first column (a ForeignKey "customer" for "customer_id", a db_index
 * field), else on the class.
 */
public final class TableLocator {
  private final Map<String, DjangoInventory.Model> byTable = new HashMap<>();
  private final Path repo;

  public TableLocator(DjangoInventory inventory) {
    this(inventory, null);
  }

  /** With the repository, a named index is placed on its own line of the model's Meta.indexes. */
  public TableLocator(DjangoInventory inventory, Path repo) {
    this.repo = repo;
    for (DjangoInventory.Model m : inventory.models()) {
      if (m.table() != null && !m.abstractModel()) {
        byTable.putIfAbsent(m.table(), m);
      }
    }
  }

  /** The model's place for an index symbol; empty when it is not one or no model has the table. */
  public Optional<Location> locate(String symbol) {
    Optional<IndexSymbol.Parts> parts = IndexSymbol.parse(symbol);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    DjangoInventory.Model model = byTable.get(parts.get().table());
    if (model == null) {
      return Optional.empty();
    }
    String index = parts.get().index();
    // The column of "reference:varchar_pattern_ops" (Django's second index for LIKE on a
    // db_index CharField) or "created_at:DESC"
    String first =
        parts.get().columns().isEmpty() ? "" : parts.get().columns().get(0).split(":")[0];
    int line = model.line();
    String where = model.qualname();
    boolean named =
        model.indexes().stream()
            .anyMatch(i -> i.contains("'" + index + "'") || i.contains("\"" + index + "\""));
    if (named) {
      where = model.qualname() + " Meta.indexes " + index;
      line = lineNaming(model, index).orElse(line);
    } else {
      for (DjangoInventory.Field f : model.fields()) {
        if (!f.inherited() && (f.name().equals(first) || (f.name() + "_id").equals(first))) {
          line = f.line();
          where = model.qualname() + "." + f.name();
          break;
        }
      }
    }
    String text =
        index
            + " on "
            + parts.get().table()
            + " ("
            + String.join(", ", parts.get().columns())
            + ") -> "
            + where;
    return Optional.of(new Location(model.path(), line, line, text, true));
  }

  /** Each model file read once per import (one locator serves one import's findings). */
  private final Map<String, List<String>> sources = new HashMap<>();

  private List<String> read(String path) {
    try {
      return Files.readAllLines(repo.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of(); // the repository moved or the file is not UTF-8: the class will do
    }
  }

  /** The first line of the model's class that names the index in quotes. */
  private Optional<Integer> lineNaming(DjangoInventory.Model model, String index) {
    if (repo == null) {
      return Optional.empty();
    }
    List<String> lines = sources.computeIfAbsent(model.path(), this::read);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    int start = Math.max(0, model.line() - 1); // the class statement's line, 0-based
    for (int i = start; i < lines.size(); i++) {
      String l = lines.get(i);
      if (i > start && (l.startsWith("class ") || l.startsWith("def "))) {
        break; // the next top-level class or function: the index is not in this model's text
      }
      if (l.contains("'" + index + "'") || l.contains("\"" + index + "\"")) {
        return Optional.of(i + 1);
      }
    }
    return Optional.empty();
  }
}
