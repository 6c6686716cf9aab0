package dev.newsroom.infra.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.devserver.DeploymentPackages;
import dev.newsroom.devserver.SamTemplate;
import dev.newsroom.infra.events.EventReplay;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.local.MotoServer;
import dev.newsroom.infra.local.Newsroom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployment packages as {@code sam build} ships them (functions/target/packages, mapped by
 * functions/packaging/packages.mk): each function's package holds its handler, no package is
 * over the size limit, classes are stored uncompressed, and the replay plan of events/index.json, each event through its
 * function's package alone (see {@link PackagedFunction}), answers as the plan says, against
 * DynamoDB Local, S3Mock and moto's SES. The packages are shrunk by reachability (ProGuard), so
 * this is what proves nothing a handler needs was cut.
 */
@ExtendWith(LocalCloud.class)
class DeploymentPackagesIT {

  /** Issue 7: "No function package over 10 MB", in decimal megabytes, of the uploaded .zip. */
  static final long LIMIT_BYTES = 10_000_000;
  /** Lambda's own limit on a function's unzipped code. */
  static final long UNZIPPED_LIMIT_BYTES = 250L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SES_ENDPOINT = "aws.endpointUrlSesV2";

  private static SamTemplate template;
  private static DeploymentPackages packages;
  private static Newsroom newsroom;
  private static MotoServer moto;
  private static String previousSesEndpoint;
  private static final Map<String, PackagedFunction> running = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    template = LocalCloud.template();
    packages = DeploymentPackages.read(LocalCloud.root());
    newsroom = new Newsroom();
    // SES behind the mail sender, set before its package builds the SDK client
    moto = MotoServer.start();
    moto.verifyDomain(template.parameterDefaults().get("SenderIdentity"));
    previousSesEndpoint = System.getProperty(SES_ENDPOINT);
    System.setProperty(SES_ENDPOINT, moto.endpoint());
  }

  @AfterAll
  static void stop() throws Exception {
    for (PackagedFunction function : running.values()) {
      function.close();
    }
    running.clear();
    if (previousSesEndpoint == null) {
      System.clearProperty(SES_ENDPOINT);
    } else {
      System.setProperty(SES_ENDPOINT, previousSesEndpoint);
    }
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void everyFunction_deploysAPackageHoldingItsHandler() throws IOException {
    List<String> problems = new ArrayList<>();
    for (SamTemplate.Function function : template.functions()) {
      String name = packages.packageOf(function.id());
      if (name == null) {
        problems.add(function.id() + ": functions/packaging/packages.mk names no package");
        continue;
      }
      Path jar = packages.jar(name);
      if (!Files.isRegularFile(jar)) {
        problems.add(function.id() + ": " + jar + " was not built");
        continue;
      }
      String entry = function.handlerClass().replace('.', '/') + ".class";
      try (JarFile file = new JarFile(jar.toFile())) {
        if (file.getEntry(entry) == null) {
          problems.add(function.id() + ": " + name + ".jar lacks " + function.handlerClass()
              + " (keep it in functions/packaging/" + name + ".pro)");
        }
      }
    }
    List<String> functionIds = template.functions().stream().map(SamTemplate.Function::id)
        .toList();
    packages.packageByFunction().keySet().stream().filter(id -> !functionIds.contains(id))
        .forEach(id -> problems.add(id + " is in packages.mk but not in template.yaml"));
    assertThat(problems).isEmpty();
  }

  @Test
  void everyPackage_isAtMost10MBZipped() throws IOException {
    assertThat(packages.names()).isNotEmpty();
    for (String name : packages.names()) {
      Path jar = packages.jar(name);
      assertThat(jar).as("%s: ./mvnw package builds it", jar).isRegularFile();
      assertThat(packages.deploymentZipBytes(name))
          .as("deployment zip of %s in bytes (limit 10 MB = %,d bytes)", jar, LIMIT_BYTES)
          .isLessThanOrEqualTo(LIMIT_BYTES);
      assertThat(Files.size(jar)).isLessThanOrEqualTo(UNZIPPED_LIMIT_BYTES);
    }
  }

  /** The cold-start lever of packaging/common.pro: classes are read without inflating. */
  @Test
  void everyPackage_storesItsClassesUncompressed() throws IOException {
    for (String name : packages.names()) {
      try (JarFile jar = new JarFile(packages.jar(name).toFile())) {
        assertThat(jar.stream().filter(e -> e.getName().endsWith(".class")))
            .as("%s.jar entries", name).isNotEmpty()
            .allSatisfy(e -> assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED));
      }
    }
  }

  @Test
  void everyEvent_replayedThroughItsFunctionsPackageAlone_answersAsListed() throws Exception {
    EventReplay.run("package", newsroom, moto, DeploymentPackagesIT::invoke);
  }

  /** The function's container, started on first use and kept warm for later events. */
  private static JsonNode invoke(String functionId, String eventJson) throws Exception {
    PackagedFunction function = running.get(functionId);
    if (function == null) {
      function = PackagedFunction.start(packages.jarOf(functionId),
          newsroom.handlerClass(functionId));
      running.put(functionId, function);
    }
    return JSON.readTree(function.invoke(eventJson));
  }
}
