package dev.newsroom.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.newsroom.articles.Article;
import dev.newsroom.articles.InMemoryArticleRepository;
import dev.newsroom.pages.SiteConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SitePublisherHandlerTest {

  private final InMemoryArticleRepository articles = new InMemoryArticleRepository();
  private final InMemoryPageStore store = new InMemoryPageStore();

  private SitePublisherHandler handler(PageStore pages) {
    return new SitePublisherHandler(new SitePublisher(articles, pages,
        new SiteRenderer(new SiteConfig("https://news.example.com", "Newsroom"))));
  }

  @Test
  void handleRequest_whenArticlePublished_rendersItAndOldAndNewTags() {
    Article seed = Articles.seed();
    articles.put(seed);

    StreamsEventResponse response = handler(store).handleRequest(event(
        record("1", seed.slug(), "article", image("draft", "old-tag"), image("published",
            "world", "middle-east"))), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(store.files).containsKeys("articles/" + seed.slug() + "/index.html",
        "tags/world/index.html", "archive/2024/02/03/index.html");
    assertThat(store.puts).doesNotContain("tags/old-tag/index.html");
  }

  @Test
  void handleRequest_whenOnlyDraftsOrTagEntriesChange_writesNothing() {
    StreamsEventResponse response = handler(store).handleRequest(event(
        record("1", "a-draft", "article", null, image("draft")),
        record("2", "a-draft", "article", image("draft"), image("draft")),
        record("3", "seed", "tag#world", null, image(null, "world"))), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(store.puts).isEmpty();
  }

  @Test
  void handleRequest_whenPublishedArticleDeleted_removesItsPage() {
    Article seed = Articles.seed();
    store.put(SiteFile.page("articles/" + seed.slug() + "/index.html", SiteFile.HTML, "old"));

    handler(store).handleRequest(event(record("1", seed.slug(), "article",
        image("published", "world"), null)), null);

    assertThat(store.files).doesNotContainKey("articles/" + seed.slug() + "/index.html");
  }

  @Test
  void handleRequest_whenStoreFails_reportsTheFirstRecordSoTheBatchIsRetried() {
    articles.put(Articles.seed());
    store.failWrites = new IllegalStateException("S3 is down");

    StreamsEventResponse response = handler(store).handleRequest(event(
        record("100", "draft-only", "article", null, image("draft")),
        record("101", Articles.seed().slug(), "article", null, image("published", "world"))),
        null);

    assertThat(response.getBatchItemFailures()).singleElement()
        .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo("100"));
  }

  private static DynamodbEvent event(DynamodbEvent.DynamodbStreamRecord... records) {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(List.of(records));
    return event;
  }

  private static DynamodbEvent.DynamodbStreamRecord record(String sequence, String pk, String sk,
      Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
    StreamRecord stream = new StreamRecord();
    stream.setKeys(Map.of("pk", new AttributeValue().withS(pk), "sk",
        new AttributeValue().withS(sk)));
    stream.setOldImage(oldImage);
    stream.setNewImage(newImage);
    stream.setSequenceNumber(sequence);
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventName(newImage == null ? "REMOVE" : oldImage == null ? "INSERT" : "MODIFY");
    record.setDynamodb(stream);
    return record;
  }

  private static Map<String, AttributeValue> image(String status, String... tags) {
    Map<String, AttributeValue> image = new HashMap<>();
    if (status != null) {
      image.put("status", new AttributeValue().withS(status));
    }
    List<AttributeValue> list = new ArrayList<>();
    for (String tag : tags) {
      list.add(new AttributeValue().withS(tag));
    }
    image.put("tags", new AttributeValue().withL(list));
    image.put("publishedAt", new AttributeValue().withS(Articles.SEED_TIME.toString()));
    return image;
  }
}
