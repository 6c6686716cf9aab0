package dev.newsroom.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.articles.BenchArticles;
import dev.newsroom.articles.ListArticlesHandler;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * {@code GET /api/articles} latency with 10 and with 10,000 published articles, measured side by
 * side: two tables of the template's shape in one DynamoDB Local, one warm ListArticles handler
 * each (built by its public constructor, as Lambda builds it), requests alternating between them.
 * Reports p50 and p99 of the handler call, DynamoDB round trip included.
 *
 * <p>Arguments: {@code --repo DIR [--requests N]}.
 */
public final class ListLatencyBench {

  private ListLatencyBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.parse(args);
    Path repo = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
    int requests = Integer.parseInt(opts.getOrDefault("requests", "2000"));
    try (BenchWorld world = BenchWorld.start(repo)) {
      Instant base = Instant.parse("2020-01-01T00:00:00Z");
      String small = copyTable(world, "ArticlesTable", "ArticlesSmall");
      String large = copyTable(world, "ArticlesTable", "ArticlesLarge");
      long loadStart = System.nanoTime();
      BenchArticles.load(world.dynamoDb, small, 10, base);
      BenchArticles.load(world.dynamoDb, large, 10_000, base);
      System.out.printf("Loaded 10 and 10,000 published articles (2 tags each) in %.1f s%n",
          (System.nanoTime() - loadStart) / 1e9);

      // The handlers' SDK settings, as system properties; DynamoDB Local keeps one database per
      // access key, so they use the bench's.
      System.setProperty("aws.region", BenchWorld.REGION);
      System.setProperty("aws.endpointUrlDynamoDb", world.endpoint());
      System.setProperty("aws.accessKeyId", BenchWorld.ACCESS_KEY);
      System.setProperty("aws.secretAccessKey", BenchWorld.SECRET_KEY);
      ListArticlesHandler smallHandler = handlerFor(small);
      ListArticlesHandler largeHandler = handlerFor(large);
      APIGatewayV2HTTPEvent event = listEvent();
      for (int i = 0; i < requests / 4; i++) {
        call(smallHandler, event);
        call(largeHandler, event);
      }
      List<Double> smallMs = new ArrayList<>();
      List<Double> largeMs = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        boolean smallFirst = i % 2 == 0;
        (smallFirst ? smallMs : largeMs).add(call(smallFirst ? smallHandler : largeHandler, event));
        (smallFirst ? largeMs : smallMs).add(call(smallFirst ? largeHandler : smallHandler, event));
      }
      double p50Small = Stats.median(smallMs);
      double p99Small = Stats.percentile(smallMs, 99);
      double p50Large = Stats.median(largeMs);
      double p99Large = Stats.percentile(largeMs, 99);
      System.out.printf("%nGET /api/articles (first page, 10 items), %d requests each after %d"
          + " warm-up, against DynamoDB Local over HTTP%n", requests, requests / 4);
      System.out.printf("%-20s %10s %10s%n", "articles", "p50", "p99");
      System.out.printf("%-20s %8.2fms %8.2fms%n", "10", p50Small, p99Small);
      System.out.printf("%-20s %8.2fms %8.2fms%n", "10,000", p50Large, p99Large);
      System.out.printf("%nRATIO list latency 10,000 / 10 articles, p50 = %.2f  (target <= 1.3)%n",
          p50Large / p50Small);
      System.out.printf("RATIO list latency 10,000 / 10 articles, p99 = %.2f  (target <= 1.3)%n",
          p99Large / p99Small);
    }
  }

  private static ListArticlesHandler handlerFor(String table) {
    System.setProperty("ARTICLES_TABLE", table);
    try {
      return new ListArticlesHandler();
    } finally {
      System.clearProperty("ARTICLES_TABLE");
    }
  }

  private static double call(ListArticlesHandler handler, APIGatewayV2HTTPEvent event) {
    long start = System.nanoTime();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    double ms = (System.nanoTime() - start) / 1e6;
    if (response.getStatusCode() != 200 || response.getBody().split("\"slug\"").length != 11) {
      throw new IllegalStateException("unexpected answer " + response.getStatusCode() + " "
          + response.getBody());
    }
    return ms;
  }

  private static APIGatewayV2HTTPEvent listEvent() {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey("GET /api/articles")
        .withRawPath("/api/articles")
        .withHeaders(Map.of("accept", "application/json"))
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod("GET").withPath("/api/articles").withSourceIp("127.0.0.1").build())
            .build())
        .build();
  }

  /** A new table with the keys and indexes of an existing one (the template's shape). */
  private static String copyTable(BenchWorld world, String from, String to) {
    TableDescription d = world.dynamoDb.describeTable(r -> r.tableName(from)).table();
    List<GlobalSecondaryIndex> indexes = d.globalSecondaryIndexes().stream()
        .map(i -> GlobalSecondaryIndex.builder().indexName(i.indexName()).keySchema(i.keySchema())
            .projection(i.projection()).build())
        .toList();
    world.dynamoDb.createTable(CreateTableRequest.builder()
        .tableName(to)
        .attributeDefinitions(d.attributeDefinitions())
        .keySchema(d.keySchema())
        .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes)
        .billingMode("PAY_PER_REQUEST")
        .build());
    return to;
  }
}
