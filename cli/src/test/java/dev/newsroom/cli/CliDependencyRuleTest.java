package dev.newsroom.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The client's layers: commands (this package) use push, config and the API port; push uses the
 * port only; the port's adapter is the one place that speaks HTTP.
 */
@AnalyzeClasses(packages = "dev.newsroom.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliDependencyRuleTest {

  @ArchTest
  static final ArchRule noCycles = slices().matching("dev.newsroom.cli.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule partsDoNotKnowTheCommands = noClasses()
      .that().resideInAnyPackage("..cli.api..", "..cli.config..", "..cli.push..")
      .should().dependOnClassesThat().resideInAPackage("dev.newsroom.cli");

  @ArchTest
  static final ArchRule pushKnowsThePortNotItsAdapterOrTheConfig = noClasses()
      .that().resideInAPackage("..cli.push..")
      .should().dependOnClassesThat().haveSimpleName("HttpNewsroomApi")
      .orShould().dependOnClassesThat().resideInAPackage("..cli.config..")
      .orShould().dependOnClassesThat().resideInAPackage("java.net.http..");

  @ArchTest
  static final ArchRule onlyTheAdapterSpeaksHttp = noClasses()
      .that().doNotHaveSimpleName("HttpNewsroomApi")
      .should().dependOnClassesThat().resideInAPackage("java.net.http..");
}
