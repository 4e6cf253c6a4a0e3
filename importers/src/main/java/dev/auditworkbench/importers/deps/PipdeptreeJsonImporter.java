package dev.auditworkbench.importers.deps;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.DjangoReleases;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.VersionSpec;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.importers.common.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * pipdeptree's JSON ({@code pipdeptree --json}) from the client's environment: every installed
 * package with the requirements it declares. A package whose declared Django requirement excludes
 * the current Django LTS blocks the upgrade and becomes a finding; every package is kept with its
 * version and Django requirement for the upgrade plan.
 */
public final class PipdeptreeJsonImporter implements Importer {
  static final String FORMAT = "pipdeptree JSON (pipdeptree --json)";

  @Override
  public String id() {
    return "pipdeptree-json";
  }

  @Override
  public String displayName() {
    return "pipdeptree JSON";
  }

  @Override
  public String tool() {
    return "pipdeptree";
  }

  @Override
  public String description() {
    return "Installed packages and their declared requirements (pipdeptree --json): upgrade blockers for the current Django LTS.";
  }

  @Override
  public double detect(FileSample sample) {
    String head = sample.trimmedHead();
    return !sample.binary()
            && head.startsWith("[")
            && head.contains("\"package\"")
            && head.contains("\"dependencies\"")
            && head.contains("\"installed_version\"")
        ? 0.95
        : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    DjangoReleases.Series target = DjangoReleases.currentLts(LocalDate.now(ZoneOffset.UTC));
    String targetVersion = target.version();
    try (InputStream in = input.open();
        JsonInput json = new JsonInput(input.path(), in, FORMAT)) {
      json.forEachElement(
          "a pipdeptree report",
          (entry, line) -> {
            sink.recordRead();
            var pkg = entry.path("package");
            if (!pkg.has("key")) {
              throw json.errorAtLine(line, "entry without package.key");
            }
            String djangoRequirement = null;
            for (var dep : entry.path("dependencies")) {
              if (dep.path("key").asText("").equals("django")) {
                djangoRequirement = dep.path("required_version").asText("");
              }
            }
            sink.installedPackage(
                pkg.path("key").asText(),
                pkg.path("installed_version").asText(""),
                djangoRequirement);
            for (var dep : entry.path("dependencies")) {
              String required = dep.path("required_version").asText("");
              if (dep.path("key").asText("").equals("django")
                  && !required.equalsIgnoreCase("any")
                  && !VersionSpec.allows(required, targetVersion)) {
                String name = pkg.path("package_name").asText(pkg.path("key").asText());
                String version = pkg.path("installed_version").asText("");
                sink.accept(
                    RawFinding.builder("dependency.upgrade-blocker")
                        .nativeRuleId("django-requirement")
                        .title(
                            name
                                + " "
                                + version
                                + " blocks Django "
                                + targetVersion
                                + ": it requires django"
                                + required)
                        .description(
                            name
                                + " "
                                + version
                                + " declares django"
                                + required
                                + ", which excludes Django "
                                + targetVersion
                                + " (the current LTS). Upgrade "
                                + name
                                + " to a release that supports it, or replace it, before the"
                                + " Django upgrade.")
                        .category(Category.DEPENDENCIES)
                        .severity(Severity.HIGH)
                        .confidence(Confidence.HIGH)
                        .symbol("package " + pkg.path("key").asText() + "==" + version)
                        .sourceLine(pkg.path("key").asText() + "==" + version)
                        .keyEvidence(pkg.path("key").asText() + ":" + targetVersion)
                        .evidence(
                            Evidence.Kind.TEXT,
                            name + " " + version + " requires django" + required)
                        .owasp(OwaspTop10.A06.id())
                        .defaultImpact(Impact.of(4))
                        .defaultEffort(Effort.hours(16))
                        .build());
              }
            }
          });
    }
  }
}
