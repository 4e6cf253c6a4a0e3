package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.deps.Requirement;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.store.PackageRepository;
import dev.auditworkbench.engine.store.ScanRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The project's declared dependencies that the client's environment runs behind their newest
 * release: the latest scan's requirements joined with the latest {@code pip list --outdated}
 * import, reported at the line that declares each package. Recomputed in full (tool {@value #TOOL})
 * after every such import and every scan, like the untested hotspots.
 */
public final class OutdatedDependencies {
  public static final String TOOL = "workbench-deps";

  private OutdatedDependencies() {}

  public static int[] refresh(
      Connection c, long importId, Instant now, Path repo, ProgressListener listener)
      throws SQLException {
    Map<String, PackageRepository.Release> releases = new PackageRepository(c).latest();
    List<Requirement> declared =
        releases.isEmpty()
            ? List.of()
            : new ScanRepository(c)
                .latestFacts("dependencies", Requirement[].class)
                .map(List::of)
                .orElse(List.of());
    List<RawFinding> out = new ArrayList<>();
    Requirement.declaredOncePerPackage(declared)
        .forEach(
            r -> {
              PackageRepository.Release rel = releases.get(Requirement.canonical(r.name()));
              if (rel == null) {
                return;
              }
              int behind = major(rel.latest()) - major(rel.installed());
              String gap =
                  behind > 0
                      ? " (" + behind + " major version" + (behind > 1 ? "s" : "") + " behind)"
                      : "";
              out.add(
                  RawFinding.builder("dependency.outdated")
                      .nativeRuleId("outdated")
                      .title(
                          "Outdated dependency: "
                              + r.name()
                              + " "
                              + rel.installed()
                              + " installed, "
                              + rel.latest()
                              + " released"
                              + gap)
                      .description(
                          r.name()
                              + " (declared in "
                              + r.path()
                              + ":"
                              + r.line()
                              + (r.spec().isEmpty() ? "" : " as " + r.name() + r.spec())
                              + ") runs as "
                              + rel.installed()
                              + " in the client's environment; the package index offers "
                              + rel.latest()
                              + "."
                              + (behind > 0
                                  ? " A major upgrade: read its changelog for breaking changes and plan it"
                                      + " with the Django upgrade."
                                  : " A minor upgrade: usually fixes only."))
                      .category(Category.DEPENDENCIES)
                      .severity(behind > 0 ? Severity.MEDIUM : Severity.LOW)
                      .confidence(Confidence.HIGH)
                      .path(r.path())
                      .lines(r.line(), r.line())
                      .keyEvidence(rel.name())
                      .evidence(
                          Evidence.Kind.TEXT,
                          "pip list --outdated: "
                              + rel.name()
                              + " "
                              + rel.installed()
                              + " -> "
                              + rel.latest())
                      .cwe(1104)
                      .owasp(OwaspTop10.A06.id())
                      .defaultImpact(Impact.of(behind > 0 ? 3 : 2))
                      .defaultEffort(Effort.hours(behind > 0 ? 8 : 2))
                      .build());
            });
    return FindingWriter.replaceDerived(c, TOOL, importId, now, repo, listener, out);
  }

  /** The first number of a version ("5.2.17" is 5; "2024.1" is 2024); -1 when it has none. */
  static int major(String version) {
    String digits = version.replaceAll("^\\D*(\\d+).*$", "$1");
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
