package dev.newsroom.infra;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
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
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;

/**
 * The infra suite's shared world, started once per JVM on first use and stopped when the JUnit
 * session closes ({@link SuiteLifecycle}): DynamoDB Local and moto server on 127.0.0.1, each behind
 * a {@link FaultProxy}, the SDK endpoint properties pointing the handlers' clients at the proxies,
 * the template's tables and queues created, and a {@link StreamDriver} per stream subscription.
 *
 * <p>S3, SQS, SNS and Secrets Manager are moto's unless the environment names another endpoint for
 * them ({@code AWS_ENDPOINT_URL_S3}, ...): CI's second pass points them at LocalStack this way.
 * DynamoDB stays DynamoDB Local and SES stays moto, whose mail the tests read back.
 */
public final class Emulators implements AutoCloseable {

  /** The site bucket's local name (the template's is generated at deploy). */
  public static final String SITE_BUCKET = "newsroom-site";

  private static Emulators shared;

  private final DynamoDbLocal dynamoDbLocal;
  private final MotoServer moto;
  private final FaultProxy dynamoDbProxy;
  private final FaultProxy motoProxy;
  private final FaultProxy s3Proxy;
  private final String s3Endpoint;
  private final String sqsEndpoint;
  private final String secretsManagerEndpoint;
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
    s3Endpoint = endpoint("S3", moto);
    sqsEndpoint = endpoint("SQS", moto);
    secretsManagerEndpoint = endpoint("SECRETS_MANAGER", moto);
    s3Proxy = FaultProxy.start("s3", URI.create(s3Endpoint));

    // The handlers' clients (AwsClients) go through the proxies; the test's own clients do not.
    LocalAws.configure(dynamoDbProxy.endpoint(), motoProxy.endpoint());
    System.setProperty("aws.endpointUrlS3", s3Proxy.endpoint());
    System.setProperty("aws.endpointUrlSqs", sqsEndpoint);
    System.setProperty("aws.endpointUrlSns", endpoint("SNS", moto));
    System.setProperty("aws.endpointUrlSecretsManager", secretsManagerEndpoint);
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
    sqs = SqsClient.builder().endpointOverride(URI.create(sqsEndpoint))
        .region(AwsClients.region()).credentialsProvider(AwsClients.credentials())
        .httpClient(AwsClients.httpClient()).build();

    TableBuilder.createAll(template, directDynamoDb);
    Map<String, String> queues = new HashMap<>();
    for (String queue : Templates.resources("AWS::SQS::Queue").keySet()) {
      // A fresh queue per run: LocalStack, unlike a fresh moto, may still hold an earlier run's.
      queues.put(queue, sqs.createQueue(r -> r.queueName(queue)).queueUrl());
      try {
        sqs.purgeQueue(r -> r.queueUrl(queues.get(queue)));
      } catch (PurgeQueueInProgressException anotherJvmJustDidIt) {
        // the suite's other JVM emptied it a moment ago
      }
    }
    // ---- campaigns (issue 11)
    // A function names its queue by URL (!Ref of a queue): give it the URL of the queue made here.
    for (SamTemplate.Function function : template.functions()) {
      function.environment().forEach((name, value) -> {
        if (name.endsWith("_QUEUE_URL") && queues.containsKey(value)) {
          System.setProperty(name, queues.get(value));
        }
      });
    }
    sesMaxSendRate(DEFAULT_MAX_SEND_RATE);
    // ---- end campaigns
    verifySender();
    createLinkKey();
    try (S3Client s3 = directS3()) {
      s3.createBucket(r -> r.bucket(SITE_BUCKET));
    } catch (BucketAlreadyOwnedByYouException earlierRun) {
      emptySiteBucket();
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
        .endpointOverride(URI.create(secretsManagerEndpoint)).region(AwsClients.region())
        .credentialsProvider(AwsClients.credentials()).httpClient(AwsClients.httpClient())
        .build()) {
      try {
        secrets.createSecret(r -> r.name(System.getProperty("SUBSCRIPTION_LINK_SECRET"))
            .secretString(Hashing.randomToken(48)));
      } catch (ResourceExistsException earlierRun) {
        // a LocalStack that outlived an earlier run already has it
      }
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

  /** The SES account's MaxSendRate the stand-in for GetAccount answers with, unless set. */
  public static final int DEFAULT_MAX_SEND_RATE = 200;

  /**
   * What SES v2 GetAccount answers from now on. moto 5.2.5 lacks GetAccount (real SES has it),
   * so the proxy in front of moto answers it, in SES's format; the campaign sender reads its
   * send rate from it once per container.
   */
  public void sesMaxSendRate(int perSecond) {
    motoProxy.standIn("GetAccount", "{\"SendQuota\":{\"Max24HourSend\":50000.0,"
        + "\"MaxSendRate\":" + perSecond + ".0,\"SentLast24Hours\":0.0},"
        + "\"SendingEnabled\":true,\"ProductionAccessEnabled\":true,"
        + "\"EnforcementStatus\":\"HEALTHY\"}");
  }

  public FaultProxy dynamoDbProxy() {
    return dynamoDbProxy;
  }

  /** The proxy in front of SES (moto). */
  public FaultProxy motoProxy() {
    return motoProxy;
  }

  /** The proxy in front of S3 (moto, or the endpoint the environment names). */
  public FaultProxy s3Proxy() {
    return s3Proxy;
  }

  /** The proxies of every service but DynamoDB. */
  public List<FaultProxy> awsProxies() {
    return List.of(motoProxy, s3Proxy);
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
    for (FaultProxy proxy : List.of(dynamoDbProxy, motoProxy, s3Proxy)) {
      proxy.heal();
      proxy.clearCalls();
    }
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

  private void emptySiteBucket() {
    try (S3Client s3 = directS3()) {
      s3.listObjectsV2Paginator(r -> r.bucket(SITE_BUCKET)).contents()
          .forEach(o -> s3.deleteObject(r -> r.bucket(SITE_BUCKET).key(o.key())));
    }
  }

  /** The endpoint the environment names for one service, else moto's. */
  private static String endpoint(String service, MotoServer moto) {
    return Env.optional("AWS_ENDPOINT_URL_" + service).orElse(moto.endpoint());
  }

  private S3Client directS3() {
    return S3Client.builder().endpointOverride(URI.create(s3Endpoint))
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
    s3Proxy.close();
    moto.close();
    directDynamoDb.close();
    streams.close();
    sqs.close();
    dynamoDbLocal.close();
  }
}
