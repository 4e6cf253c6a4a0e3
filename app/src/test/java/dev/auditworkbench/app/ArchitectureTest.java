package dev.auditworkbench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.auditworkbench.app.brokenarrows.CleanCommand;
import dev.auditworkbench.app.brokenarrows.CommandUsingARepository;
import dev.auditworkbench.importers.brokenarrows.ImporterReadingTheStore;
import dev.auditworkbench.views.brokenarrows.CleanView;
import dev.auditworkbench.views.brokenarrows.NodeHoldingViewModel;
import dev.auditworkbench.views.brokenarrows.ViewReadingTheStore;
import dev.auditworkbench.views.common.Offline;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module and package arrows of DESIGN.md, enforced on the shipped classes as allow lists: what
 * a module's classes may depend on is listed, everything else fails. The negative cases at the end
 * feed each rule a class that breaks it (compiled test classes below) and expect a failure, so a
 * rule that stopped checking anything would be caught.
 */
@AnalyzeClasses(
    packages = "dev.auditworkbench",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
  /**
   * The engine's test helpers reach the app's tests as a -tests.jar in a reactor build: not shipped
   * code.
   */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }
  }

  private static final String[] JDK = {"java..", "javax.."};

  /** What the views may use of the engine: services, the model, and the result types they show. */
  private static final String[] ENGINE_FOR_FACES = {
    "dev.auditworkbench.engine.project..", "dev.auditworkbench.engine.model..",
    "dev.auditworkbench.engine.triage..", "dev.auditworkbench.engine.ingest..",
    "dev.auditworkbench.engine.scan..", "dev.auditworkbench.engine.report..",
    "dev.auditworkbench.engine.priority..", "dev.auditworkbench.engine.queries..",
    "dev.auditworkbench.engine.seams..", "dev.auditworkbench.engine.django..",
    "dev.auditworkbench.engine.graph..", "dev.auditworkbench.engine.excerpt..",
    "dev.auditworkbench.engine.spi..", "dev.auditworkbench.engine.upgrade",
    "dev.auditworkbench.engine.strangler", "dev.auditworkbench.engine.progress"
  };

  @ArchTest
  static final ArchRule importersSeeOnlyTheSpiAndTheModel =
      classes()
          .that()
          .resideInAPackage("dev.auditworkbench.importers..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              concat(
                  JDK,
                  "dev.auditworkbench.engine.spi..",
                  "dev.auditworkbench.engine.model..",
                  "dev.auditworkbench.importers..",
                  "com.fasterxml.jackson..",
                  "org.apache.commons.csv..",
                  "org.apache.commons.compress..",
                  "org.tukaani.xz..",
                  "io.airlift.compress.."))
          .as("importers see only engine.spi, engine.model and importers.common");

  /** One importer never uses another's package; what they share lives in importers.common. */
  @ArchTest
  static final ArchRule importersDoNotUseOneAnother =
      slices()
          .matching("dev.auditworkbench.importers.(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(
              DescribedPredicate.alwaysTrue(),
              JavaClass.Predicates.resideInAPackage("dev.auditworkbench.importers.common.."))
          .ignoreDependency(
              JavaClass.Predicates.resideInAPackage("dev.auditworkbench.importers.common.."),
              DescribedPredicate.alwaysTrue());

  @ArchTest
  static final ArchRule viewsCallServicesNeverTheStore =
      classes()
          .that()
          .resideInAPackage("dev.auditworkbench.views..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              concat(
                  concat(JDK, ENGINE_FOR_FACES),
                  "dev.auditworkbench.views..",
                  "javafx..",
                  "atlantafx..",
                  "org.kordamp.ikonli..",
                  "org.fxmisc..",
                  "org.reactfx..",
                  "com.sun.javafx..",
                  "netscape.javascript.."))
          .as(
              "views use engine services, the model and result types; never engine.store or engine.repo");

  @ArchTest
  static final ArchRule appCallsServicesNeverTheStore =
      noClasses()
          .that()
          .resideInAPackage("dev.auditworkbench.app..")
          // The benchmarks time the parser and line counter themselves (engine.repo), not a
          // service.
          .and()
          .resideOutsideOfPackage("dev.auditworkbench.app.bench..")
          .should()
          .dependOnClassesThat(
              JavaClass.Predicates.resideInAnyPackage(
                      "dev.auditworkbench.engine.store..", "dev.auditworkbench.engine.repo..")
                  .and(DescribedPredicate.not(JavaClass.Predicates.assignableTo(Exception.class))))
          .as("the app's main code uses engine services; of the store it sees only its exceptions");

  @ArchTest
  static final ArchRule viewModelsHoldNoNodes =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx.scene..")
          .as("view models are free of javafx.scene (nodes, controls, layout)");

  @ArchTest
  static final ArchRule webViewOnlyInThePreviews =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.auditworkbench.views.report..")
          .and()
          .doNotHaveFullyQualifiedName("dev.auditworkbench.views.common.LockedWebView")
          .and()
          .doNotHaveFullyQualifiedName(Offline.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(Offline.class.getName() + "$Refusing")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx.scene.web..")
          .as("javafx.scene.web only in the report preview and the locked web view");

  /**
   * The look lives in CSS (classes and looked-up colours, so the dark theme works): no inline
   * style, no colour in Java.
   */
  @ArchTest
  static final ArchRule noInlineStylesNorColoursInJava =
      noClasses()
          .that()
          .resideInAnyPackage("dev.auditworkbench.views..", "dev.auditworkbench.app..")
          .should()
          .callMethodWhere(
              com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                  com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("setStyle")))
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("javafx.scene.paint.Color")
          .as("no setStyle and no javafx Color in Java: CSS classes and looked-up colours");

  @ArchTest
  static final ArchRule engineNeverTouchesJavaFx =
      noClasses()
          .that()
          .resideInAPackage("dev.auditworkbench.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx..");

  /**
   * No cycle between any two packages of the engine (a rules subpackage is a package of its own).
   */
  @ArchTest
  static final ArchRule enginePackagesHaveNoCycles =
      slices().matching("dev.auditworkbench.engine.(**)").should().beFreeOfCycles();

  /**
   * Rules live with their concern and are found through RuleSet (ServiceLoader); the scan package
   * only runs them.
   */
  @ArchTest
  static final ArchRule rulesLiveWithTheirConcern =
      classes()
          .that()
          .implement(dev.auditworkbench.engine.rules.Rule.class)
          .should()
          .resideInAnyPackage(
              "dev.auditworkbench.engine.django.rules",
              "dev.auditworkbench.engine.graph.rules",
              "dev.auditworkbench.engine.history.rules",
              "dev.auditworkbench.engine.security",
              "dev.auditworkbench.engine.deps.rules",
              "dev.auditworkbench.engine.upgrade.rules",
              "dev.auditworkbench.engine.repo.rules")
          .andShould()
          .notBePublic()
          .as("each rule is a package-private class of its concern, registered by its RuleSet");

  @ArchTest
  static final ArchRule viewPackagesHaveNoCycles =
      slices().matching("dev.auditworkbench.views.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule importerPackagesHaveNoCycles =
      slices().matching("dev.auditworkbench.importers.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule appPackagesHaveNoCycles =
      slices().matching("dev.auditworkbench.app.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule standardStreamsOnlyInTheEntryPoint =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.auditworkbench.app")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

  /**
   * Offline by construction: no shipped class opens a socket or speaks HTTP, nor loads a page from
   * a URL into a WebView (content is given as text). {@link Offline} alone names URLConnection: it
   * is the handler that refuses every network URL.
   */
  @ArchTest
  static final ArchRule noNetwork =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(Offline.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(Offline.class.getName() + "$Refusing")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.Socket")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.ServerSocket")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.DatagramSocket")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.URLConnection")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.HttpURLConnection")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("java.net.http..")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("java.nio.channels.spi..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.nio.channels.SocketChannel")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.nio.channels.ServerSocketChannel")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.nio.channels.DatagramChannel")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.nio.channels.AsynchronousSocketChannel")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.nio.channels.AsynchronousServerSocketChannel")
          .orShould()
          .callMethod("javafx.scene.web.WebEngine", "load", "java.lang.String")
          .orShould()
          .callMethod(URL.class, "openConnection")
          .orShould()
          .callMethod(URL.class, "openStream");

  private static String[] concat(String[] a, String... b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  // --- Negative cases: each rule fails on a class that breaks it (the classes are in this test
  // tree). ---

  private static EvaluationResult check(ArchRule rule, Class<?>... broken) {
    JavaClasses classes = new ClassFileImporter().importClasses(broken);
    return rule.evaluate(classes);
  }

  @Test
  void eachRuleFailsOnAClassThatBreaksIt() {
    record Case(String name, ArchRule rule, Class<?> broken) {}
    for (Case c :
        List.of(
            new Case(
                "importer reaching the store",
                importersSeeOnlyTheSpiAndTheModel,
                ImporterReadingTheStore.class),
            new Case(
                "view reading the store",
                viewsCallServicesNeverTheStore,
                ViewReadingTheStore.class),
            new Case(
                "CLI command writing through a repository",
                appCallsServicesNeverTheStore,
                CommandUsingARepository.class),
            new Case(
                "view model holding a node", viewModelsHoldNoNodes, NodeHoldingViewModel.class),
            new Case(
                "web view outside the previews",
                webViewOnlyInThePreviews,
                ViewReadingTheStore.class),
            new Case(
                "importer using another importer",
                importersDoNotUseOneAnother,
                ImporterReadingTheStore.class),
            new Case("socket", noNetwork, CommandUsingARepository.class))) {
      assertTrue(check(c.rule(), c.broken()).hasViolation(), c.name() + ": the rule did not fail");
    }
  }

  @Test
  void aCleanClassPassesTheSameRules() {
    assertFalse(check(viewsCallServicesNeverTheStore, CleanView.class).hasViolation());
    assertFalse(check(appCallsServicesNeverTheStore, CleanCommand.class).hasViolation());
  }
}
