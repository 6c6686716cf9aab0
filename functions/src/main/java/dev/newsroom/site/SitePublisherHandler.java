package dev.newsroom.site;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.newsroom.articles.ArticleItems;
import dev.newsroom.config.LambdaInvocation;
import dev.newsroom.shared.Invocation;
import dev.newsroom.shared.Log;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fed by the articles table's stream; {@link ArticleItems.VisibleChange} reads each record (only
 * article items matter, tag entries follow them in the same transaction, and a change invisible
 * before and after, a draft edited, needs no page). The whole batch is one publishing pass, so a
 * failure reports the batch's first record: Lambda retries the batch (bisecting it) and finally
 * hands it to the DLQ; replays are harmless because the publisher renders from the current state.
 */
public final class SitePublisherHandler
    implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

  private final SitePublisher publisher;

  public SitePublisherHandler() {
    this(SiteWiring.publisher());
  }

  SitePublisherHandler(SitePublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    try (Invocation invocation = LambdaInvocation.open(context)) {
      return publish(event);
    }
  }

  private StreamsEventResponse publish(DynamodbEvent event) {
    Set<String> slugs = new TreeSet<>();
    Set<String> tags = new TreeSet<>();
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      ArticleItems.VisibleChange.of(record.getDynamodb()).ifPresent(change -> {
        slugs.add(change.slug());
        tags.addAll(change.tags());
      });
    }
    if (slugs.isEmpty()) {
      return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }
    try {
      SitePublisher.Result result = publisher.publish(slugs, tags);
      Log.info("site.published", Map.of("articles", slugs.size(), "written", result.written(),
          "deleted", result.deleted(), "unchanged", result.unchanged()));
      return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    } catch (RuntimeException e) {
      Log.error("site.retry", e);
      String first = event.getRecords().get(0).getDynamodb().getSequenceNumber();
      return StreamsEventResponse.builder().withBatchItemFailures(List.of(
          StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(first).build()))
          .build();
    }
  }
}
