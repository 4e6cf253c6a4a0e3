package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.model.Location;
import dev.auditworkbench.engine.spi.IndexSymbol;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the code makes a database index that a report names: a finding whose symbol is an {@link
 * IndexSymbol} (the index importers write no path) is placed on the model of that table: on the
 * model's class when its Meta.indexes names the index, else on the field of the index's first
 * column (a ForeignKey "customer" for "customer_id", a db_index field), else on the class.
 */
public final class TableLocator {
  private final Map<String, DjangoInventory.Model> byTable = new HashMap<>();

  public TableLocator(DjangoInventory inventory) {
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
    String first = parts.get().columns().isEmpty() ? "" : parts.get().columns().get(0);
    int line = model.line();
    String where = model.qualname();
    boolean named =
        model.indexes().stream()
            .anyMatch(i -> i.contains("'" + index + "'") || i.contains("\"" + index + "\""));
    if (named) {
      where = model.qualname() + " Meta.indexes " + index;
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
}
