package dev.auditworkbench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import dev.auditworkbench.views.common.Offline;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The module and package arrows of DESIGN.md, enforced on the shipped classes. */
@AnalyzeClasses(packages = "dev.auditworkbench",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
  /** The engine's test helpers reach the app's tests as a -tests.jar in a reactor build: not shipped code. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }
  }


  @ArchTest
  static final ArchRule engineNeverTouchesJavaFx =
      noClasses().that().resideInAPackage("dev.auditworkbench.engine..")
          .should().dependOnClassesThat().resideInAPackage("javafx..");

  @ArchTest
  static final ArchRule enginePackagesHaveNoCycles =
      slices().matching("dev.auditworkbench.engine.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule importersSeeOnlyTheSpiAndTheModel =
      noClasses().that().resideInAPackage("dev.auditworkbench.importers..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "dev.auditworkbench.engine.store..", "dev.auditworkbench.engine.ingest..",
              "dev.auditworkbench.engine.triage..", "dev.auditworkbench.engine.report..",
              "dev.auditworkbench.views..", "dev.auditworkbench.app..");

  @ArchTest
  static final ArchRule standardStreamsOnlyInTheEntryPoint =
      noClasses().that().resideOutsideOfPackage("dev.auditworkbench.app")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

  /**
   * Offline by construction: no shipped class opens a socket or speaks HTTP, nor loads a page from a
   * URL into a WebView (content is given as text). {@link Offline} alone names URLConnection: it is
   * the handler that refuses every network URL.
   */
  @ArchTest
  static final ArchRule noNetwork =
      noClasses().that().doNotHaveFullyQualifiedName(Offline.class.getName())
          .and().doNotHaveFullyQualifiedName(Offline.class.getName() + "$Refusing").should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
          .orShould().dependOnClassesThat().resideInAPackage("java.net.http..")
          .orShould().dependOnClassesThat().resideInAPackage("java.nio.channels.spi..")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.SocketChannel")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.ServerSocketChannel")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.DatagramChannel")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.AsynchronousSocketChannel")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.AsynchronousServerSocketChannel")
          .orShould().callMethod("javafx.scene.web.WebEngine", "load", "java.lang.String")
          .orShould().callMethod(java.net.URL.class, "openConnection")
          .orShould().callMethod(java.net.URL.class, "openStream");
}
