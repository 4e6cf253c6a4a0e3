package dev.auditworkbench.engine.upgrade;

import dev.auditworkbench.engine.model.DjangoReleases;
import dev.auditworkbench.engine.model.VersionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The LTS hops from the Django series a project runs to a target: 3.2 to 5.2 is 3.2 -> 4.2 -> 5.2.
 * Without a target, the next two LTS releases (the deliverable's promise). A removal belongs to the
 * first hop whose release is at or after the one that removes it; removals after the last hop are
 * listed as later.
 */
public record UpgradePath(String from, List<String> steps) {
  /** The hops to {@code target}, or to the next two LTS releases when it is null. */
  public static UpgradePath of(String from, String target) {
    List<String> lts = new ArrayList<>();
    for (DjangoReleases.Series s : DjangoReleases.all()) {
      if (s.lts() && VersionSpec.compare(s.version(), from) > 0) {
        lts.add(s.version());
      }
    }
    List<String> steps = new ArrayList<>();
    for (String s : lts) {
      if (target == null ? steps.size() < 2 : VersionSpec.compare(s, target) <= 0) {
        steps.add(s);
      }
    }
    if (target != null
        && (steps.isEmpty() || !steps.get(steps.size() - 1).equals(VersionSpec.series(target)))
        && VersionSpec.compare(target, from) > 0) {
      steps.add(VersionSpec.series(target));
    }
    return new UpgradePath(from, List.copyOf(steps));
  }

  /** The last release of the path, or the current one when there is nothing to do. */
  public String target() {
    return steps.isEmpty() ? from : steps.get(steps.size() - 1);
  }

  /**
   * The hop a Django removal belongs to, or empty when it is not on this path (already past, or
   * later).
   */
  public Optional<String> stepOf(String removedIn) {
    if (VersionSpec.compare(removedIn, from) <= 0) {
      return Optional.empty();
    }
    return steps.stream().filter(s -> VersionSpec.compare(s, removedIn) >= 0).findFirst();
  }

  /** The series before a hop: the project's own for the first, else the hop before. */
  public String before(String step) {
    int i = steps.indexOf(step);
    return i <= 0 ? from : steps.get(i - 1);
  }
}
