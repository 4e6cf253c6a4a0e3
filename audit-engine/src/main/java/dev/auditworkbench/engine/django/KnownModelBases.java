package dev.auditworkbench.engine.django;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    try (var in = KnownModelBases.class.getResourceAsStream("known-model-bases.tsv");
        var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.split("\t", 2)[0].strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("known-model-bases.tsv is part of the build", e);
    }
    return Set.copyOf(out);
  }
}
