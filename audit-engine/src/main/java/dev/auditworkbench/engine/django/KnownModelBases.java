package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.model.BundledTable;
import java.util.HashSet;
import java.util.Set;

/**
 * Model classes defined outside the repository (known-model-bases.tsv beside this class: Django's
 * contrib apps and widely used packages such as django-mptt, django-treebeard, django-model-utils,
 * django-polymorphic, django-celery-beat, django-taggit, django-guardian and soft-delete packages).
 * A repository class whose bases reach one of them is a model, as Django would see it.
 */
final class KnownModelBases {
  private static final Set<String> NAMES = load();

  private KnownModelBases() {}

  static boolean contains(String qualified) {
    return NAMES.contains(qualified);
  }

  private static Set<String> load() {
    Set<String> out = new HashSet<>();
    for (BundledTable.Row row :
        BundledTable.read(KnownModelBases.class, "known-model-bases.tsv", 0, false)) {
      out.add(row.columns()[0].strip());
    }
    return Set.copyOf(out);
  }
}
