package dev.newsroom.infra.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.devserver.LocalSes;
import dev.newsroom.devserver.SamTemplate;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.local.Newsroom;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The deployment packages as {@code sam build} ships them (functions/target/packages, mapped by
 * functions/packaging/packages.mk): each function's package holds its handler, no package is
 * over the size limit, and every sample event replayed through its function's package alone (see
 * {@link PackagedFunction}) answers as events/index.json says, against DynamoDB Local, S3Mock and
 * the dev server's SES stand-in. The packages are shrunk by reachability (ProGuard), so this is
 * what proves nothing a handler needs was cut.
 */
@ExtendWith(LocalCloud.class)
class DeploymentPackagesIT {

  /** Issue 7: "No function package over 10 MB", in decimal megabytes. */
  static final long LIMIT_BYTES = 10_000_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SES_PROPERTY = "aws.endpointUrlSesV2";

  /** Who send-contact-message.json is from; the mail test sends as someone new each run. */
  private static final String SAMPLE_EMAIL = "reader@example.org";
  private static final String SAMPLE_IP = "203.0.113.7";
  private static final String SAMPLE_IDEMPOTENCY_KEY = "sample-contact-0001";

  private static Path root;
  private static SamTemplate template;
  private static DeploymentPackages packages;
  private static Newsroom newsroom;
  private static HttpServer sesServer;
  private static LocalSes ses;
  private static String previousSesEndpoint;
  private static final Map<String, PackagedFunction> running = new HashMap<>();

  @BeforeAll
  static void start() throws IOException {
    root = LocalCloud.root();
    template = LocalCloud.template();
    packages = DeploymentPackages.read(root);
    newsroom = new Newsroom();
    ses = new LocalSes();
    sesServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    sesServer.createContext(LocalSes.PREFIX + "/", ses::serve);
    sesServer.start();
    previousSesEndpoint = System.getProperty(SES_PROPERTY);
    System.setProperty(SES_PROPERTY, "http://127.0.0.1:" + sesServer.getAddress().getPort()
        + LocalSes.PREFIX);
  }

  @AfterAll
  static void stop() throws Exception {
    for (PackagedFunction function : running.values()) {
      function.close();
    }
    running.clear();
    if (previousSesEndpoint == null) {
      System.clearProperty(SES_PROPERTY);
    } else {
      System.setProperty(SES_PROPERTY, previousSesEndpoint);
    }
    sesServer.stop(0);
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
  void everyPackage_isAtMost10MB() throws IOException {
    assertThat(packages.names()).isNotEmpty();
    for (String name : packages.names()) {
      Path jar = packages.jar(name);
      assertThat(jar).as("%s: ./mvnw package builds it", jar).isRegularFile();
      assertThat(Files.size(jar)).as("size of %s in bytes (limit 10 MB = %,d bytes)", jar,
          LIMIT_BYTES).isLessThanOrEqualTo(LIMIT_BYTES);
    }
  }

  @Test
  void everyEvent_replayedThroughItsFunctionsPackageAlone_answersAsListed() throws Exception {
    // given a fresh key for the admin events and a slug nobody else uses (the contact events
    // stay as they are: the later ones read the message the first one stores)
    Path events = root.resolve("events");
    JsonNode index = JSON.readTree(events.resolve("index.json").toFile());
    String key = newsroom.keys().mint("package-editor").plaintext();
    String slug = Newsroom.uniqueSlug("package");

    for (JsonNode entry : index.path("events")) {
      String file = entry.path("file").asText();
      String json = Files.readString(events.resolve(file))
          .replace("${EDITOR_KEY}", key)
          .replace(index.path("slug").asText(), slug);

      // when
      JsonNode answer = invoke(entry.path("function").asText(), json);

      // then
      if (entry.has("status")) {
        assertThat(answer.path("statusCode").asInt()).as(file + " -> " + answer)
            .isEqualTo(entry.path("status").asInt());
      } else if (entry.has("batchItemFailures")) {
        assertThat(answer.path("batchItemFailures").size()).as(file + " -> " + answer)
            .isEqualTo(entry.path("batchItemFailures").asInt());
      } else {
        assertThat(answer.isNull() || answer.isMissingNode()).as(file + " -> " + answer)
            .isFalse();
      }
    }
    assertThat(newsroom.itemsOf(slug)).as("the replay ends with a delete").isEmpty();
  }

  /**
   * The sample mail-sender event names an outbox item that does not exist, so the replay never
   * reaches SES; this one does: a contact message sent through the api package leaves its
   * notification in the outbox, and the mail package sends it.
   */
  @Test
  void mailSender_fromItsPackageAlone_sendsAContactNotificationThroughSes() throws Exception {
    // given a contact message, sent through its package
    Path events = root.resolve("events");
    String run = Long.toString(RANDOM.nextLong() >>> 1, 36);
    JsonNode receipt = invoke("SendContactMessageFunction",
        uniqueSender(Files.readString(events.resolve("send-contact-message.json")), run));
    assertThat(receipt.path("statusCode").asInt()).as(receipt.toString()).isEqualTo(202);
    String outboxId = "contact#" + JSON.readTree(receipt.path("body").asText()).path("id")
        .asText();
    JsonNode stream = JSON.readTree(events.resolve("mail-sender.json").toFile());
    String sampleId = stream.at("/Records/0/dynamodb/Keys/id/S").asText();
    String event = JSON.writeValueAsString(stream).replace(sampleId, outboxId);
    int sentBefore = ses.sent().size();

    // when
    JsonNode answer = invoke("MailSenderFunction", event);

    // then
    assertThat(answer.path("batchItemFailures").size()).as(answer.toString()).isZero();
    assertThat(ses.sent()).hasSize(sentBefore + 1);
    LocalSes.Sent mail = ses.sent().get(sentBefore);
    assertThat(mail.to()).containsExactly(Env.require("EDITORS_EMAIL"));
    assertThat(mail.replyTo()).containsExactly(sender(run));
    assertThat(AwsClients.dynamoDb().getItem(r -> r.tableName(Env.require("OUTBOX_TABLE"))
        .key(Map.of("id", AttributeValue.fromS(outboxId))).consistentRead(true)).item()
        .get("status").s()).isEqualTo("sent");
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

  private static String uniqueSender(String json, String run) {
    return json.replace(SAMPLE_EMAIL, sender(run))
        .replace(SAMPLE_IDEMPOTENCY_KEY, "package-" + run)
        .replace(SAMPLE_IP, "198.51.100." + (1 + Math.floorMod(run.hashCode(), 254)));
  }

  private static String sender(String run) {
    return "reader+" + run + "@example.org";
  }
}
