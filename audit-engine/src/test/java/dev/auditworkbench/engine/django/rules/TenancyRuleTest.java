package dev.auditworkbench.engine.django.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Thresholds;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.spi.RawFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenancy rules speak only of projects that are multi-tenant by evidence, and know their own
 * scoping methods.
 */
class TenancyRuleTest {
  @TempDir Path repo;

  private static final String MODELS =
      """
      from django.db import models


      class Tenant(models.Model):
          name = models.CharField(max_length=50)


      class ProjectQuerySet(models.QuerySet):
          def restrict(self, user, action):
              return self.filter(members__user=user)


      class Project(models.Model):
          tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)
          objects = ProjectQuerySet.as_manager()


      class Invoice(models.Model):
          tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)


      class Note(models.Model):
          tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)
      """;

  private List<String> findings(String models, String views) throws Exception {
    Files.createDirectories(repo.resolve("app"));
    Files.writeString(repo.resolve("app/__init__.py"), "");
    Files.writeString(repo.resolve("app/models.py"), models);
    Files.writeString(repo.resolve("app/views.py"), views);
    RepoAnalysis a = ScanService.analyse(repo, Thresholds.from(Map.of()), ProgressListener.NONE);
    List<RawFinding> out = new ArrayList<>();
    new TenancyRule().check(a, out::add);
    return out.stream().map(f -> f.ruleKey() + "@" + f.rawPath() + ":" + f.startLine()).toList();
  }

  @Test
  void aProjectsOwnScopingMethodScopesItsQueries() throws Exception {
    List<String> found =
        findings(
            MODELS,
            """
        from app.models import Project


        def project_list(request):
            return Project.objects.restrict(request.user, "view")


        def project_dump(request):
            return Project.objects.all()
        """);
    assertEquals(
        List.of("tenancy.unscoped-query@app/views.py:9"),
        found.stream().filter(f -> f.startsWith("tenancy.unscoped-query")).toList());
  }

  @Test
  void aProjectWithATenantFieldOnOneModelOfManyIsNotMultiTenant() throws Exception {
    StringBuilder models =
        new StringBuilder(
            "from django.db import models\n\n\nclass Tenant(models.Model):\n    x = 1\n");
    models.append(
        "\n\nclass Invoice(models.Model):\n    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)\n");
    for (int i = 0; i < 10; i++) {
      models
          .append("\n\nclass Thing")
          .append(i)
          .append("(models.Model):\n    name = models.CharField(max_length=5)\n");
    }
    assertEquals(
        List.of(),
        findings(
            models.toString(),
            "from app.models import Invoice\n\n\ndef v(request):\n"
                + "    return Invoice.objects.all()\n"));
  }
}
