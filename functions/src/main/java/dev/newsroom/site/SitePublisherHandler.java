package dev.newsroom.site;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.newsroom.articles.DynamoDbArticleRepository;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.shared.Log;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fed by the articles table's stream. Only article items matter (tag entries follow them in the
 * same transaction). A change that was invisible before and after (a draft edited) needs no
 * page. The whole batch is one publishing pass (every page it affects rendered and written once), so a failure reports the batch's first record:
 * Lambda retries the batch (bisecting it) and finally hands it to the DLQ; replays are harmless
 * because the publisher renders from the current state.
 */
public final class SitePublisherHandler
    implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

  private final SitePublisher publisher;

  public SitePublisherHandler() {
    this(Wiring.publisher());
  }

  SitePublisherHandler(SitePublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    List<Placement> changes = new ArrayList<>();
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
      if (!"article".equals(text(keys, "sk"))) {
        continue;
      }
      for (Map<String, AttributeValue> image : List.of(orEmpty(record.getDynamodb().getOldImage()),
          orEmpty(record.getDynamodb().getNewImage()))) {
        placement(text(keys, "pk"), image).ifPresent(changes::add);
      }
    }
    if (changes.isEmpty()) {
      return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }
    try {
      SitePublisher.Result result = publisher.publish(changes);
      Log.info("site.published", Map.of("records", event.getRecords().size(),
          "written", result.written(), "deleted", result.deleted(),
          "unchanged", result.unchanged()));
      return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    } catch (RuntimeException e) {
      Log.error("site.retry", e);
      String first = event.getRecords().get(0).getDynamodb().getSequenceNumber();
      return StreamsEventResponse.builder().withBatchItemFailures(List.of(
          StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(first).build()))
          .build();
    }
  }

  /** Where a version of the article was visible, if it was published (drafts have no page). */
  private static Optional<Placement> placement(String slug, Map<String, AttributeValue> image) {
    String publishedAt = text(image, "publishedAt");
    if (!"published".equals(text(image, "status")) || publishedAt == null) {
      return Optional.empty();
    }
    List<String> tags = new ArrayList<>();
    AttributeValue list = image.get("tags");
    if (list != null && list.getL() != null) {
      list.getL().forEach(tag -> tags.add(tag.getS()));
    }
    return Optional.of(new Placement(slug, tags, Instant.parse(publishedAt)));
  }

  private static Map<String, AttributeValue> orEmpty(Map<String, AttributeValue> image) {
    return image == null ? Map.of() : image;
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.getS();
  }

  /** The real adapters, shared by both site functions. */
  static final class Wiring {
    private Wiring() {}

    static SitePublisher publisher() {
      return new SitePublisher(
          new DynamoDbArticleRepository(AwsClients.dynamoDb(), Env.require("ARTICLES_TABLE")),
          new S3PageStore(AwsClients.s3(), Env.require("SITE_BUCKET")),
          new SiteRenderer(SiteConfig.fromEnv()));
    }
  }
}
