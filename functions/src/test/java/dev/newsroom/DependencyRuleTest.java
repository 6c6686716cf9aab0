package dev.newsroom;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule, after buckpal's {@code DependencyRuleTests}: dependencies point from the
 * edges (handlers, adapters, wiring) to the domain, never back, and packages form no cycle.
 *
 * <p>The kinds of class are told apart by package and name, so a new package is covered the
 * moment it exists:
 * <ul>
 *   <li><b>plumbing</b>: the packages {@code web} (HTTP events and responses), {@code config}
 *       (environment, SDK clients) and {@code mailsender} (a function wiring two features);</li>
 *   <li><b>entry points</b>: {@code *Handler} (a Lambda function or its base class) with its
 *       nested classes, {@code *Cli} and anything in a {@code cli} package (a command), and a
 *       feature's HTTP helpers for its handlers, {@code *Requests} (reading requests) and
 *       {@code *Pages} (answering with a page);</li>
 *   <li><b>adapters</b>: classes named after the AWS service they call ({@code DynamoDb*},
 *       {@code Ses*}, {@code S3*}, {@code Sqs*}...) and {@code *Items}, their item mapping,
 *       with their nested classes;</li>
 *   <li><b>wiring</b>: {@code *Wiring}, which builds the real adapters for a handler's no-arg
 *       constructor, and {@code *Priming}, which warms them for SnapStart;</li>
 *   <li><b>domain</b>: everything else under {@code dev.newsroom}: services, ports, records,
 *       page rendering, {@code shared}.</li>
 * </ul>
 */
@AnalyzeClasses(packages = "dev.newsroom", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

  private static final String[] PLUMBING = {
      "dev.newsroom.web..", "dev.newsroom.config..", "dev.newsroom.mailsender.."};

  /** The services an adapter can be named after; add one when a new service gets an adapter. */
  private static final String[] AWS_SERVICES = {
      "DynamoDb", "Ses", "S3", "Sqs", "Sns", "SecretsManager", "Ssm", "Scheduler", "EventBridge",
      "CloudWatch", "Lambda"};

  private static final DescribedPredicate<JavaClass> ADAPTERS = adapters();

  private static final DescribedPredicate<JavaClass> ENTRY_POINT_NAMES =
      simpleNameEndingWith("Handler").or(simpleNameEndingWith("Requests"))
          .or(simpleNameEndingWith("Pages"));

  private static final DescribedPredicate<JavaClass> DOMAIN = not(resideInAnyPackage(PLUMBING))
      .and(not(ENTRY_POINT_NAMES))
      .and(not(nestedIn(ENTRY_POINT_NAMES)))
      .and(not(simpleNameEndingWith("Cli")))
      .and(not(resideInAnyPackage("dev.newsroom.cli..")))
      .and(not(simpleNameEndingWith("Wiring")))
      .and(not(simpleNameEndingWith("Priming")))
      .and(not(ADAPTERS))
      .as("domain classes (not plumbing, entry points, adapters or wiring)");

  @ArchTest
  static final ArchRule featuresFormNoCycle = slices()
      .matching("dev.newsroom.(*)..").namingSlices("package $1")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule domainDependsOnNoCloudNorHttp = noClasses()
      .that(DOMAIN)
      .should().dependOnClassesThat().resideInAnyPackage(
          "software.amazon..", "com.amazonaws..", "dev.newsroom.web..")
      .because("the domain speaks in its own ports; AWS types and HTTP stay at the edges");

  @ArchTest
  static final ArchRule domainUsesNoAdapter = noClasses()
      .that(DOMAIN)
      .should().dependOnClassesThat(ADAPTERS)
      .because("services reach storage and mail through ports; only wiring, handlers and other"
          + " adapters name an adapter");

  @ArchTest
  static final ArchRule lowerLayersKnowNoFeature = noClasses()
      .that().resideInAnyPackage(
          "dev.newsroom.shared..", "dev.newsroom.config..", "dev.newsroom.web..",
          "dev.newsroom.pages..")
      .should().dependOnClassesThat(resideInAnyPackage("dev.newsroom..")
          .and(not(resideInAnyPackage("dev.newsroom.shared..", "dev.newsroom.config..",
              "dev.newsroom.web..", "dev.newsroom.pages.."))))
      .because("every feature may use shared, config, web and pages, so they use no feature");

  private static DescribedPredicate<JavaClass> nestedIn(DescribedPredicate<JavaClass> outer) {
    return DescribedPredicate.describe("nested in " + outer.getDescription(),
        c -> c.getEnclosingClass().map(outer::test).orElse(false));
  }

  private static DescribedPredicate<JavaClass> adapters() {
    DescribedPredicate<JavaClass> named = simpleNameEndingWith("Items");
    for (String service : AWS_SERVICES) {
      named = named.or(simpleNameStartingWith(service));
    }
    return resideInAnyPackage("dev.newsroom..").and(named.or(nestedIn(named)))
        .as("are adapters");
  }
}
