package dev.auditworkbench.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.django.Inventories;
import dev.auditworkbench.engine.spi.IndexSymbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index findings land where the code makes the index: the Meta.indexes entry, else the field. */
class TableLocatorTest {
  @TempDir Path repo;

  private static final String MODELS =
      "from django.db import models\n"
          + "\n"
          + "\n"
          + "class Payment(models.Model):\n"
          + "    invoice = models.ForeignKey('invoices.Invoice', on_delete=models.PROTECT)\n"
          + "    reference = models.CharField(max_length=64, db_index=True)\n"
          + "\n"
          + "    class Meta:\n"
          + "        indexes = [\n"
          + "            models.Index(fields=['reference'], name='payment_reference_idx'),\n"
          + "        ]\n"
          + "\n"
          + "\n"
          + "class Refund(models.Model):\n"
          + "    note = models.CharField(max_length=20)  # not 'payment_reference_idx'\n";

  private DjangoInventory inventory() {
    DjangoInventory.Model payment =
        new DjangoInventory.Model(
            "payments.models.Payment",
            "payments/models.py",
            4,
            "payments_payment",
            false,
            List.of(
                new DjangoInventory.Field(
                    "invoice", "ForeignKey", "invoices.Invoice", 5, false, Map.of()),
                new DjangoInventory.Field("reference", "CharField", null, 6, false, Map.of())),
            List.of("models.Index(fields=['reference'], name='payment_reference_idx')"),
            List.of());
    return Inventories.of(List.of(), List.of(payment), List.of(), List.of());
  }

  private String where(TableLocator locator, String index, String column) {
    return locator
        .locate(IndexSymbol.of("payments_payment", index, List.of(column)))
        .map(l -> l.path() + ":" + l.startLine())
        .orElse("none");
  }

  @Test
  void aNamedIndexLandsOnItsMetaEntryAndAFieldIndexOnTheField() throws Exception {
    Files.createDirectories(repo.resolve("payments"));
    Files.writeString(repo.resolve("payments/models.py"), MODELS);
    TableLocator locator = new TableLocator(inventory(), repo);
    assertEquals("payments/models.py:10", where(locator, "payment_reference_idx", "reference"));
    assertEquals(
        "payments/models.py:6", where(locator, "payments_payment_reference_1d502039", "reference"));
    assertEquals(
        "payments/models.py:5",
        where(locator, "payments_payment_invoice_id_a1a432c8", "invoice_id"));
    // Django's second index of a db_index CharField, for LIKE: the column and its operator class
    assertEquals(
        "payments/models.py:6",
        where(
            locator, "payments_payment_reference_1d502039_like", "reference varchar_pattern_ops"));
  }

  @Test
  void withoutTheSourceANamedIndexLandsOnTheClass() {
    // The repository moved since the scan: the class line from the scan still holds.
    assertEquals(
        "payments/models.py:4",
        where(new TableLocator(inventory(), repo), "payment_reference_idx", "reference"));
    assertEquals(
        "none",
        new TableLocator(inventory(), repo)
            .locate(IndexSymbol.of("payments_refund", "payments_refund_pkey", List.of("id")))
            .map(Object::toString)
            .orElse("none"));
  }
}
