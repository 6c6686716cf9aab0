package dev.newsroom.articles;

import dev.newsroom.config.SdkPriming;
import dev.newsroom.shared.Clock;
import dev.newsroom.web.HttpHandler;
import dev.newsroom.web.Priming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SnapStart priming for the public article reads: a copy of the handler wired to the real
 * repository over a {@link SdkPriming} client that answers with a fixed sample article, so the
 * item mapping, the JSON shapes and the ETag run too. Fixed values only: no clock, no randomness.
 */
final class ArticlePriming {

  static final Instant SAMPLE_TIME = Instant.parse("2024-02-03T00:00:00Z");
  static final Article SAMPLE = new Article("priming-sample", "Priming", "A sample.",
      "<p>Sample.</p>", "Newsroom", List.of("sample"), "https://example.com/p.jpg", "Sample",
      ArticleStatus.PUBLISHED, SAMPLE_TIME, SAMPLE_TIME, "priming", 1);

  private ArticlePriming() {}

  /**
   * Runs a handler built by {@code wiring} on the canned service for one request; returns the
   * status it answered.
   */
  static int run(Function<ArticleService, HttpHandler> wiring, String eventJson) {
    try (DynamoDbClient dynamoDb = SdkPriming.dynamoDb(ArticlePriming::answer)) {
      ArticleService service = new ArticleService(
          new DynamoDbArticleRepository(dynamoDb, "priming"), Clock.system());
      return Priming.invoke(wiring.apply(service), eventJson);
    }
  }

  static String get() {
    return Priming.event("GET", "/api/articles/" + SAMPLE.slug(), "", null,
        Map.of("slug", SAMPLE.slug()));
  }

  static String list() {
    return Priming.event("GET", "/api/articles", "limit=1", Map.of("limit", "1"), null);
  }

  /** DynamoDB's JSON answers for the calls the read path makes. */
  static String answer(String operation) {
    return switch (operation) {
      case "GetItem" -> "{\"Item\":" + wire(ArticleItems.item(SAMPLE)) + "}";
      case "Query" -> "{\"Count\":1,\"ScannedCount\":1,\"Items\":["
          + wire(ArticleItems.tagEntry(SAMPLE, "sample")) + "]}";
      default -> "{}";
    };
  }

  /** An item in DynamoDB's wire JSON; the article items use S, N and L only. */
  static String wire(Map<String, AttributeValue> item) {
    StringBuilder json = new StringBuilder("{");
    item.forEach((name, value) -> {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(dev.newsroom.shared.JsonWriter.write(name)).append(':').append(wire(value));
    });
    return json.append('}').toString();
  }

  private static String wire(AttributeValue value) {
    if (value.s() != null) {
      return "{\"S\":" + dev.newsroom.shared.JsonWriter.write(value.s()) + "}";
    }
    if (value.n() != null) {
      return "{\"N\":\"" + value.n() + "\"}";
    }
    if (value.hasL()) {
      StringBuilder list = new StringBuilder("{\"L\":[");
      for (int i = 0; i < value.l().size(); i++) {
        list.append(i == 0 ? "" : ",").append(wire(value.l().get(i)));
      }
      return list.append("]}").toString();
    }
    throw new IllegalArgumentException("no wire form for " + value.type());
  }
}
