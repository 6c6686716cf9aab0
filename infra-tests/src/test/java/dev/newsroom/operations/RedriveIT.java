package dev.newsroom.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.newsroom.devserver.DynamoDbLocal;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.local.MotoServer;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The dead-letter redrive over SQS's real protocol and the outbox scan over DynamoDB Local: a
 * message SQS gave up on goes back to its queue through the command itself; an invocation
 * record's event goes to its function; a replay that fails leaves its message in the queue. SQS
 * is moto's, or the endpoint {@code AWS_ENDPOINT_URL_SQS} names (CI's LocalStack pass); the
 * queues are named per run, since such an endpoint may hold an earlier run's.
 */
class RedriveIT {

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
  private static final List<String> PROPERTIES = List.of(
      "aws.endpointUrlSqs", "aws.accessKeyId", "aws.secretAccessKey", "aws.region");

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static MotoServer moto;
  private static DynamoDbLocal dynamoDbLocal;
  private static SqsClient sqs;
  private static DynamoDbClient dynamoDb;
  private static final Map<String, String> saved = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    String sqsEndpoint = LocalCloud.endpoint("SQS").orElse(null);
    if (sqsEndpoint == null) {
      moto = MotoServer.start();
      sqsEndpoint = moto.endpoint();
    }
    dynamoDbLocal = DynamoDbLocal.start(null);
    sqs = SqsClient.builder().region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
        .endpointOverride(URI.create(sqsEndpoint)).build();
    dynamoDb = DynamoDbClient.builder().region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
        .endpointOverride(URI.create(dynamoDbLocal.endpoint())).build();
    // The command builds its own clients, as on an operator's machine: the SDK's endpoint and
    // credential properties point them here (restored after, for the suite's other tests).
    PROPERTIES.forEach(name -> saved.put(name, System.getProperty(name)));
    System.setProperty("aws.endpointUrlSqs", sqsEndpoint);
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    System.setProperty("aws.region", "us-east-1");
  }

  @AfterAll
  static void stop() throws Exception {
    saved.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
    sqs.close();
    dynamoDb.close();
    dynamoDbLocal.close();
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void command_whenSqsGaveUpOnASendBatch_movesItBackToTheSendsQueue() {
    String dlq = sqs.createQueue(r -> r.queueName(queue("sends-dlq"))).queueUrl();
    String dlqArn = arn(dlq);
    String sends = sqs.createQueue(r -> r.queueName(queue("sends")).attributes(Map.of(
        QueueAttributeName.REDRIVE_POLICY,
        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}"))).queueUrl();
    sqs.sendMessage(r -> r.queueUrl(sends).messageBody("{\"campaignId\":\"c1\",\"batch\":7}"));
    // A consumer that fails: received once, never deleted; the next receive moves it to the DLQ.
    assertThat(sqs.receiveMessage(r -> r.queueUrl(sends).visibilityTimeout(0)).messages())
        .hasSize(1);
    assertThat(sqs.receiveMessage(r -> r.queueUrl(sends).visibilityTimeout(0)).messages())
        .isEmpty();
    assertThat(depth(dlq)).isEqualTo(1);

    int exit = RedriveCli.run(new String[] {
        "campaign-sends", "--dlq-url", dlq, "--queue-url", sends});

    assertThat(exit).isZero();
    assertThat(depth(dlq)).isZero();
    assertThat(hidden(dlq)).isZero();
    List<Message> back = sqs.receiveMessage(r -> r.queueUrl(sends)).messages();
    assertThat(back).extracting(Message::body).containsExactly("{\"campaignId\":\"c1\",\"batch\":7}");
  }

  @Test
  void command_whenTheTargetIsMissing_answersUsageAndTouchesNothing() {
    String dlq = sqs.createQueue(r -> r.queueName(queue("jobs-dlq"))).queueUrl();
    sqs.sendMessage(r -> r.queueUrl(dlq).messageBody("{}"));

    assertThat(RedriveCli.run(new String[] {"campaign-jobs", "--dlq-url", dlq})).isEqualTo(2);
    assertThat(RedriveCli.run(new String[] {"no-such-queue", "--dlq-url", dlq})).isEqualTo(2);
    assertThat(depth(dlq)).isEqualTo(1);
  }

  @Test
  void images_whenRecordsWaitInTheQueue_invokesTheProcessorPerRecordAndKeepsTheOneThatFails() {
    String dlq = sqs.createQueue(r -> r.queueName(queue("images-dlq"))).queueUrl();
    for (String key : List.of("uploads/a", "uploads/b", "uploads/c")) {
      sqs.sendMessage(r -> r.queueUrl(dlq).messageBody("{\"version\":\"1.0\","
          + "\"requestContext\":{\"condition\":\"RetriesExhausted\",\"approximateInvokeCount\":3},"
          + "\"requestPayload\":{\"Records\":[{\"s3\":{\"object\":{\"key\":\"" + key + "\"}}}]},"
          + "\"responseContext\":{\"functionError\":\"Unhandled\"}}"));
    }
    InMemoryFunctions functions = new InMemoryFunctions().replying(payload -> {
      if (payload.contains("uploads/b")) {
        throw new RedriveFailedException("throttled");
      }
      return "";
    });

    Redriver.Outcome outcome = RedrivePlan.IMAGES.redrive(new SqsDeadLetters(sqs, dlq),
        new RedrivePlan.Targets(null, functions, "process-image", null));

    assertThat(outcome).isEqualTo(new Redriver.Outcome(2, 1));
    assertThat(functions.calls).extracting(InMemoryFunctions.Call::payload)
        .allSatisfy(payload -> assertThat(payload).startsWith("{\"Records\":"))
        .hasSize(3);
    assertThat(hidden(dlq)).as("the failed one, back after the lease").isEqualTo(1);
    assertThat(depth(dlq)).isZero();
  }

  @Test
  void mail_whenTheOutboxHoldsUnsentMessages_handsTheSenderAStreamEventOfExactlyThose() {
    String table = "outbox";
    dynamoDb.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
    Map<String, String> statuses = Map.of("confirm#1", "pending", "confirm#2", "sending",
        "confirm#3", "sent", "confirm#4", "failed");
    statuses.forEach((id, status) -> dynamoDb.putItem(r -> r.tableName(table).item(Map.of(
        "id", AttributeValue.fromS(id), "status", AttributeValue.fromS(status)))));
    String dlq = sqs.createQueue(r -> r.queueName(queue("mail-dlq"))).queueUrl();
    sqs.sendMessage(r -> r.queueUrl(dlq).messageBody("{\"requestContext\":{},"
        + "\"DDBStreamBatchInfo\":{\"shardId\":\"shardId-1\",\"startSequenceNumber\":\"1\","
        + "\"endSequenceNumber\":\"9\",\"batchSize\":3}}"));
    List<String> handed = new java.util.ArrayList<>();
    InMemoryFunctions sender = new InMemoryFunctions().replying(payload -> {
      // read as the Lambda runtime reads the sender's event
      DynamodbEvent event = LambdaEventSerializers.serializerFor(DynamodbEvent.class,
          RedriveIT.class.getClassLoader()).fromJson(payload);
      event.getRecords().forEach(record -> {
        assertThat(record.getEventName()).isEqualTo("INSERT");
        handed.add(record.getDynamodb().getKeys().get("id").getS());
      });
      return "{\"batchItemFailures\":[]}";
    });

    Redriver.Outcome outcome = RedrivePlan.MAIL.redrive(new SqsDeadLetters(sqs, dlq),
        new RedrivePlan.Targets(null, sender, "mail-sender", new DynamoDbUnsentMail(dynamoDb,
            table)));

    assertThat(handed).containsExactlyInAnyOrder("confirm#1", "confirm#2");
    assertThat(outcome).isEqualTo(new Redriver.Outcome(1, 0));
    assertThat(depth(dlq) + hidden(dlq)).isZero();
  }

  private static String queue(String name) {
    return name + "-" + RUN;
  }

  private static String arn(String url) {
    return sqs.getQueueAttributes(r -> r.queueUrl(url)
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  private static int depth(String url) {
    return attribute(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
  }

  private static int hidden(String url) {
    return attribute(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
  }

  private static int attribute(String url, QueueAttributeName name) {
    return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(name))
        .attributes().get(name));
  }
}
