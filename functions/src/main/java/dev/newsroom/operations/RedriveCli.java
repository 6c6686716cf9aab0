package dev.newsroom.operations;

import dev.newsroom.config.AwsClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Redrives one dead-letter queue from an operator's machine (docs/operations.md):
 * {@code java -cp functions/target/functions-*-all.jar dev.newsroom.operations.RedriveCli
 * <queue> --dlq-url <url> [--queue-url <url>] [--function <name>] [--outbox-table <table>]},
 * where {@code <queue>} is one of the {@link RedrivePlan} commands. Exits 0 when the queue was
 * emptied, 1 when messages stay in it, 2 on a usage error.
 */
public final class RedriveCli {

  private RedriveCli() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    Optional<RedrivePlan> plan = args.length == 0 ? Optional.empty()
        : RedrivePlan.forCommand(args[0]);
    Map<String, String> options = options(args);
    if (plan.isEmpty() || options == null || !options.containsKey("--dlq-url")) {
      return usage();
    }
    String needed = plan.get().movesToQueue() ? "--queue-url"
        : plan.get().target().isPresent() ? "--function" : null;
    if (needed != null && !options.containsKey(needed)
        || plan.get() == RedrivePlan.MAIL && !options.containsKey("--outbox-table")) {
      return usage();
    }
    // A person runs this, so the full chain applies: profiles, SSO, environment.
    DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    try (SqsClient sqs = SqsClient.builder().region(AwsClients.region())
            .credentialsProvider(credentials).httpClient(AwsClients.httpClient()).build();
        // A synchronous invoke answers when the function ends: a full site rebuild may take
        // minutes (up to its 900 s timeout), far beyond the shared client's read timeout.
        LambdaClient lambda = LambdaClient.builder().region(AwsClients.region())
            .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.builder()
                .socketTimeout(Duration.ofMinutes(16)).build()).build();
        DynamoDbClient dynamoDb = DynamoDbClient.builder().region(AwsClients.region())
            .credentialsProvider(credentials).httpClient(AwsClients.httpClient()).build()) {
      String queueUrl = options.get("--queue-url");
      String table = options.get("--outbox-table");
      RedrivePlan.Targets targets = new RedrivePlan.Targets(
          queueUrl == null ? null : new SqsWorkQueue(sqs, queueUrl),
          new LambdaFunctions(lambda), options.get("--function"),
          table == null ? null : new DynamoDbUnsentMail(dynamoDb, table));
      Redriver.Outcome outcome = plan.get().redrive(
          new SqsDeadLetters(sqs, options.get("--dlq-url")), targets);
      System.out.println(plan.get().command() + ": redriven " + outcome.redriven() + ", kept "
          + outcome.kept());
      return outcome.kept() == 0 ? 0 : 1;
    }
  }

  /** {@code --name value} pairs after the queue name; null when they do not pair up. */
  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        return null;
      }
      options.put(args[i], args[i + 1]);
    }
    return options;
  }

  private static int usage() {
    StringBuilder queues = new StringBuilder();
    for (RedrivePlan plan : RedrivePlan.values()) {
      queues.append(queues.isEmpty() ? "" : " | ").append(plan.command());
    }
    System.err.println("usage: RedriveCli <" + queues + "> --dlq-url <url>"
        + " [--queue-url <url>] [--function <name>] [--outbox-table <table>]");
    return 2;
  }
}
