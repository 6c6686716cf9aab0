package dev.newsroom.infra;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.config.AwsClients;
import dev.newsroom.devserver.DynamoDbLocal;
import dev.newsroom.devserver.LocalAws;
import dev.newsroom.devserver.SamTemplate;
import dev.newsroom.devserver.TableBuilder;
import dev.newsroom.infra.local.MotoServer;
import dev.newsroom.editors.DynamoDbEditorKeyRepository;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Hashing;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The infra suite's shared world, started once per JVM on first use and stopped when the JUnit
 * session closes ({@link SuiteLifecycle}): DynamoDB Local and moto server on 127.0.0.1, each behind
 * a {@link FaultProxy}, the SDK endpoint properties pointing the handlers' clients at the proxies,
 * the template's tables and queues created, and a {@link StreamDriver} per stream subscription.
 */
public final class Emulators implements AutoCloseable {

  /** The site bucket's local name (the template's is generated at deploy). */
  public static final String SITE_BUCKET = "newsroom-site";

  private static Emulators shared;

  private final DynamoDbLocal dynamoDbLocal;
  private final MotoServer moto;
  private final FaultProxy dynamoDbProxy;
  private final FaultProxy motoProxy;
  private final DynamoDbClient directDynamoDb;
  private final DynamoDbStreamsClient streams;
  private final SqsClient sqs;
  private final SamTemplate template;
  private final Map<String, StreamDriver> drivers = new LinkedHashMap<>();
  private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>>
      handlers = new ConcurrentHashMap<>();
  private final EditorKeyService keys;
  private String editorKey;

  private Emulators() throws Exception {
    Path root = Templates.repoRoot();
    template = Templates.sam();
    dynamoDbLocal = DynamoDbLocal.start(null);
    moto = MotoServer.start(root.resolve("infra-tests/target/moto-server.log"));
    // The session listener stops it; should the JVM be ended before that, the child goes too.
    Runtime.getRuntime().addShutdownHook(new Thread(moto::close, "moto-stop"));
    dynamoDbProxy = FaultProxy.start("dynamodb", URI.create(dynamoDbLocal.endpoint()));
    motoProxy = FaultProxy.start("moto", URI.create(moto.endpoint()));

    // The handlers' clients (AwsClients) go through the proxies; the test's own clients do not.
    LocalAws.configure(dynamoDbProxy.endpoint(), motoProxy.endpoint());
    System.setProperty("aws.endpointUrlS3", motoProxy.endpoint());
    System.setProperty("aws.endpointUrlSqs", moto.endpoint());
    System.setProperty("aws.endpointUrlSns", moto.endpoint());
    System.setProperty("aws.endpointUrlSecretsManager", moto.endpoint());
    LocalAws.applyEnvironment(template);
    // Deployed, these name the real bucket and the site's public origin.
    System.setProperty("SITE_BUCKET", SITE_BUCKET);
    System.setProperty("SITE_URL", "https://news.example.test");

    directDynamoDb = DynamoDbClient.builder().endpointOverride(URI.create(dynamoDbLocal.endpoint()))
        .region(AwsClients.region()).credentialsProvider(AwsClients.credentials())
        .httpClient(AwsClients.httpClient()).build();
    streams = DynamoDbStreamsClient.builder()
        .endpointOverride(URI.create(dynamoDbLocal.endpoint())).region(AwsClients.region())
        .credentialsProvider(AwsClients.credentials()).httpClient(AwsClients.httpClient()).build();
    sqs = SqsClient.builder().endpointOverride(URI.create(moto.endpoint()))
        .region(AwsClients.region()).credentialsProvider(AwsClients.credentials())
        .httpClient(AwsClients.httpClient()).build();

    TableBuilder.createAll(template, directDynamoDb);
    Map<String, String> queues = new HashMap<>();
    for (String queue : Templates.resources("AWS::SQS::Queue").keySet()) {
      queues.put(queue, sqs.createQueue(r -> r.queueName(queue)).queueUrl());
    }
    verifySender();
    createLinkKey();
    try (S3Client s3 = directS3()) {
      s3.createBucket(r -> r.bucket(SITE_BUCKET));
    }
    startDrivers(queues);
    keys = new EditorKeyService(new DynamoDbEditorKeyRepository(directDynamoDb,
        System.getProperty("EDITOR_KEYS_TABLE")), Clock.system());
  }

  /** The shared instance, started on first use. */
  public static synchronized Emulators shared() {
    if (shared == null) {
      try {
        shared = new Emulators();
      } catch (Exception e) {
        throw new IllegalStateException("could not start the emulators", e);
      }
    }
    return shared;
  }

  static synchronized void closeShared() throws Exception {
    if (shared != null) {
      shared.close();
      shared = null;
    }
  }

  /** The secret the template generates for the subscription links: 64 random characters. */
  private void createLinkKey() {
    try (SecretsManagerClient secrets = SecretsManagerClient.builder()
        .endpointOverride(URI.create(moto.endpoint())).region(AwsClients.region())
        .credentialsProvider(AwsClients.credentials()).httpClient(AwsClients.httpClient())
        .build()) {
      secrets.createSecret(r -> r.name(System.getProperty("SUBSCRIPTION_LINK_SECRET"))
          .secretString(Hashing.randomToken(48)));
    }
  }

  /** SES (like moto) sends only from a verified identity: the template's SenderIdentity. */
  private void verifySender() {
    moto.verifyDomain(template.parameterDefaults().get("SenderIdentity"));
  }

  @SuppressWarnings("unchecked")
  private void startDrivers(Map<String, String> queues) throws ReflectiveOperationException {
    JsonNode resources = Templates.template().path("Resources");
    for (SamTemplate.StreamSubscription s : template.streamSubscriptions()) {
      JsonNode events = resources.path(s.functionId()).at("/Properties/Events");
      JsonNode props = null;
      for (JsonNode event : events) {
        if ("DynamoDB".equals(event.path("Type").asText())) {
          props = event.path("Properties");
        }
      }
      String dlq = props.at("/DestinationConfig/OnFailure/Destination").asText("")
          .replace(".Arn", "");
      RequestHandler<DynamodbEvent, Object> handler = (RequestHandler<DynamodbEvent, Object>)
          Class.forName(s.handlerClass()).getConstructor().newInstance();
      StreamDriver driver = new StreamDriver(s.functionId(), s.table(), handler,
          props.path("BatchSize").asInt(100), s.maxRetries(), queues.get(dlq), directDynamoDb,
          streams, sqs);
      driver.skipToEnd();
      drivers.put(s.functionId(), driver);
    }
  }

  public FaultProxy dynamoDbProxy() {
    return dynamoDbProxy;
  }

  public FaultProxy motoProxy() {
    return motoProxy;
  }

  public MotoServer moto() {
    return moto;
  }

  /** A client straight to DynamoDB Local, past the fault proxy, for setup and inspection. */
  public DynamoDbClient dynamoDb() {
    return directDynamoDb;
  }

  public SqsClient sqs() {
    return sqs;
  }

  public StreamDriver driver(String functionId) {
    StreamDriver driver = drivers.get(functionId);
    if (driver == null) {
      throw new IllegalArgumentException("no stream subscription for " + functionId);
    }
    return driver;
  }

  public List<StreamDriver> drivers() {
    return List.copyOf(drivers.values());
  }

  /** Heals both proxies and forgets their calls. */
  public void healAll() {
    dynamoDbProxy.heal();
    motoProxy.heal();
    dynamoDbProxy.clearCalls();
    motoProxy.clearCalls();
  }

  /** A valid editor key, minted once (and remembered as a secret for the log check). */
  public synchronized String editorKey() {
    if (editorKey == null) {
      editorKey = mintKey("infra-editor");
    }
    return editorKey;
  }

  public String mintKey(String editorId) {
    String key = keys.mint(editorId).plaintext();
    LogCapture.remember(key);
    LogCapture.remember(key.substring(key.lastIndexOf('.') + 1));
    return key;
  }

  /** A key that existed and was revoked. */
  public String revokedKey() {
    String key = mintKey("revoked-editor");
    keys.revoke(key.split("\\.")[1]);
    return key;
  }

  /** The handler a route names, built once with its public constructor, like a warm container. */
  public APIGatewayV2HTTPResponse invoke(String handlerClass, APIGatewayV2HTTPEvent event) {
    return handlers.computeIfAbsent(handlerClass, Emulators::instantiate)
        .handleRequest(event, null);
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> instantiate(
      String className) {
    try {
      return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
          Class.forName(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + className, e);
    }
  }

  /** Keys of every object in the site bucket, read past the proxy. */
  public List<String> siteKeys() {
    try (S3Client s3 = directS3()) {
      List<String> keys = new ArrayList<>();
      s3.listObjectsV2Paginator(r -> r.bucket(SITE_BUCKET)).contents()
          .forEach(o -> keys.add(o.key()));
      return keys;
    }
  }

  /** One object of the site bucket as text. */
  public String siteObject(String key) {
    try (S3Client s3 = directS3()) {
      return s3.getObjectAsBytes(r -> r.bucket(SITE_BUCKET).key(key)).asUtf8String();
    }
  }

  private S3Client directS3() {
    return S3Client.builder().endpointOverride(URI.create(moto.endpoint()))
        .region(AwsClients.region()).credentialsProvider(AwsClients.credentials())
        .httpClient(AwsClients.httpClient()).forcePathStyle(true).build();
  }

  /** Every item of every template table, read past the proxy: the store as a value. */
  public Map<String, List<Map<String, AttributeValue>>> snapshot() {
    Map<String, List<Map<String, AttributeValue>>> tables = new LinkedHashMap<>();
    for (String table : Templates.resources("AWS::DynamoDB::Table").keySet()) {
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      directDynamoDb.scanPaginator(r -> r.tableName(table).consistentRead(true))
          .items().forEach(items::add);
      items.sort(java.util.Comparator.comparing(Object::toString));
      tables.put(table, items);
    }
    return tables;
  }

  @Override
  public void close() throws Exception {
    dynamoDbProxy.close();
    motoProxy.close();
    moto.close();
    directDynamoDb.close();
    streams.close();
    sqs.close();
    dynamoDbLocal.close();
  }
}
