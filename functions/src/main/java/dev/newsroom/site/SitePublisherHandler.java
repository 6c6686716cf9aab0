package dev.newsroom.site;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.newsroom.articles.ArticleItems.PublishedVersion;
import dev.newsroom.config.LambdaInvocation;
import dev.newsroom.shared.Invocation;
import dev.newsroom.shared.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fed by the articles table's stream; {@link PublishedVersion} reads each record (only article
 * items matter, tag entries follow them in the same transaction, and a draft has no page). The
 * whole batch is one publishing pass (every page it affects rendered and written once), so a
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
    List<Placement> changes = new ArrayList<>();
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      for (PublishedVersion version : PublishedVersion.of(record.getDynamodb())) {
        changes.add(new Placement(version.slug(), version.tags(), version.publishedAt()));
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
}
