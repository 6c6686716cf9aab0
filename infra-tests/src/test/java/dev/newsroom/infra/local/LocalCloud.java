package dev.newsroom.infra.local;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.devserver.DynamoDbLocal;
import dev.newsroom.devserver.LocalAws;
import dev.newsroom.devserver.LocalS3;
import dev.newsroom.devserver.SamTemplate;
import dev.newsroom.devserver.TableBuilder;
import dev.newsroom.shared.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;

/**
 * Once per test JVM: points the SDK at DynamoDB Local, S3Mock and moto (Secrets Manager, SQS),
 * started here on 127.0.0.1 and free ports and stopped when the run ends, or at the endpoints in
 * {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_DYNAMODB} / {@code AWS_ENDPOINT_URL_S3} /
 * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} / {@code AWS_ENDPOINT_URL_SQS} when set (LocalStack), in
 * which case no local server starts. Then it gives the handlers the environment template.yaml
 * gives them and creates the template's tables under their logical ids, its queues, the site
 * bucket and the subscription link key, as
 * a deploy (or the dev server) does.
 */
public final class LocalCloud implements BeforeAllCallback {

  /** The site bucket's local name (the template's is generated at deploy time). */
  public static final String SITE_BUCKET = "newsroom-site";
  /** Image uploads and renditions (issue 14). */
  public static final String MEDIA_BUCKET = "newsroom-media";

  /** The run's one setup; the root store closes it after the last test class. */
  private static final class Servers implements AutoCloseable {

    private final DynamoDbLocal dynamoDb;
    private final LocalS3 s3;
    private final MotoServer moto;

    Servers(DynamoDbLocal dynamoDb, LocalS3 s3, MotoServer moto) {
      this.dynamoDb = dynamoDb;
      this.s3 = s3;
      this.moto = moto;
    }

    @Override
    public void close() throws Exception {
      if (moto != null) {
        moto.close();
      }
      if (s3 != null) {
        s3.close();
      }
      if (dynamoDb != null) {
        dynamoDb.close();
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Servers.class, k -> start(), Servers.class);
  }

  private static Servers start() {
    try {
      DynamoDbLocal dynamoDb = null;
      LocalS3 s3 = null;
      MotoServer moto = null;
      if (endpoint("DYNAMODB").isEmpty()) {
        dynamoDb = DynamoDbLocal.start(null);
        System.setProperty("aws.endpointUrlDynamoDb", dynamoDb.endpoint());
      }
      if (endpoint("S3").isEmpty()) {
        s3 = LocalS3.start(Files.createTempDirectory("newsroom-it-s3"), false,
            SITE_BUCKET + "," + MEDIA_BUCKET);
        System.setProperty("aws.endpointUrlS3", s3.endpoint());
      }
      if (endpoint("SECRETS_MANAGER").isEmpty() || endpoint("SQS").isEmpty()) {
        moto = MotoServer.start();
      }
      if (endpoint("SECRETS_MANAGER").isEmpty()) {
        System.setProperty("aws.endpointUrlSecretsManager", moto.endpoint());
      }
      if (endpoint("SQS").isEmpty()) {
        System.setProperty("aws.endpointUrlSqs", moto.endpoint());
      }
      // Emulators take any static pair; real credentials in the environment still win.
      if (Env.optional("AWS_ACCESS_KEY_ID").isEmpty()) {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
      }
      SamTemplate template = template();
      LocalAws.applyEnvironment(template);
      // Deployed, these name the generated bucket and the site's domain.
      System.setProperty("SITE_BUCKET", SITE_BUCKET);
      System.setProperty("MEDIA_BUCKET", MEDIA_BUCKET);
      System.setProperty("SITE_URL", "https://news.example.org");
      TableBuilder.createAll(template, AwsClients.dynamoDb());
      if (s3 == null) {
        createBucket();
      }
      createLinkKey();
      createQueues(template);
      return new Servers(dynamoDb, s3, moto);
    } catch (Exception e) {
      throw new IllegalStateException("could not set up the local cloud", e);
    }
  }

  private static void createBucket() {
    try {
      AwsClients.s3().createBucket(r -> r.bucket(SITE_BUCKET));
    } catch (BucketAlreadyOwnedByYouException alreadyThere) {
      // a previous run made it
    }
    try {
      AwsClients.s3().createBucket(r -> r.bucket(MEDIA_BUCKET));
    } catch (BucketAlreadyOwnedByYouException alreadyThere) {
      // a previous run made it
    }
  }

  /**
   * The template's queues, empty. A function names its queue by URL ({@code !Ref} of the queue,
   * which applyEnvironment leaves as the logical id): it gets the URL of the queue made here.
   */
  private static void createQueues(SamTemplate template) {
    try (SqsClient sqs = SqsClient.builder().region(AwsClients.region())
        .credentialsProvider(AwsClients.credentials()).httpClient(AwsClients.httpClient())
        .build()) {
      Map<String, String> urls = new HashMap<>();
      for (String queue : template.resourcesOfType("AWS::SQS::Queue").keySet()) {
        String url = sqs.createQueue(r -> r.queueName(queue)).queueUrl();
        try {
          sqs.purgeQueue(r -> r.queueUrl(url));
        } catch (PurgeQueueInProgressException anotherJvmJustDidIt) {
          // LocalStack is shared by the suite's two JVMs: the other one emptied it a moment ago
        }
        urls.put(queue, url);
      }
      for (SamTemplate.Function function : template.functions()) {
        function.environment().forEach((name, value) -> {
          if (urls.containsKey(value)) {
            System.setProperty(name, urls.get(value));
          }
        });
      }
    }
  }

  /** The secret the template generates for signed subscription links: 64 random characters. */
  private static void createLinkKey() {
    try {
      AwsClients.secretsManager().createSecret(r -> r.name(Env.require("SUBSCRIPTION_LINK_SECRET"))
          .secretString(Hashing.randomToken(48)));
    } catch (ResourceExistsException alreadyThere) {
      // a previous run made it
    }
  }

  /** The endpoint the environment names for one service, or for all of them. */
  public static Optional<String> endpoint(String service) {
    return Env.optional("AWS_ENDPOINT_URL_" + service).or(() -> Env.optional("AWS_ENDPOINT_URL"));
  }

  public static SamTemplate template() throws IOException {
    return SamTemplate.read(root().resolve("template.yaml"));
  }

  /** The repository root: from the build, or the nearest folder holding template.yaml. */
  public static Path root() {
    String configured = System.getProperty("newsroom.repoRoot");
    Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
