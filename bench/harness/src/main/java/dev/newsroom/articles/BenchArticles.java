package dev.newsroom.articles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Bench-only access to the article model: published articles and the exact items the repository
 * writes for them (article item plus tag entries, through {@link ArticleItems}), loaded in batches
 * so that ten thousand of them take seconds rather than the minutes of one transaction each.
 */
public final class BenchArticles {

  static final String[] TAGS = {"world", "politics", "science", "sport", "culture", "business",
      "health", "tech", "climate", "europe", "asia", "africa", "americas", "opinion", "media",
      "energy", "space", "travel", "food", "books"};

  private BenchArticles() {}

  /** Article {@code i} of a corpus: two tags, a realistic summary, newest has the largest i. */
  public static Article article(int i, Instant base) {
    Instant published = base.plusSeconds(60L * i);
    return new Article("article-" + i, "Headline number " + i + " about something that happened",
        "A summary of article " + i + ", one or two sentences long, as editors write them for "
            + "the home page and the feed.",
        "<p>Body of article " + i + ".</p>", "Staff Reporter",
        List.of(TAGS[i % TAGS.length], TAGS[(i * 7 + 3) % TAGS.length]),
        "https://images.example/" + i + ".jpg", "Picture for article " + i,
        ArticleStatus.PUBLISHED, published, published, "bench-editor", 1);
  }

  public static ArticleSummary summary(int i, Instant base) {
    return ArticleSummary.of(article(i, base));
  }

  /** Loads articles {@code [0, count)} into {@code table} with BatchWriteItem. */
  public static void load(DynamoDbClient dynamoDb, String table, int count, Instant base) {
    List<Article> corpus = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      corpus.add(article(i, base));
    }
    load(dynamoDb, table, corpus);
  }

  /**
   * Article {@code i} of a newsroom's archive: published {@code spacingSeconds} after the one
   * before, with a body of about {@code bodyBytes} (news stories run to a few kilobytes).
   */
  public static Article archived(int i, Instant base, long spacingSeconds, int bodyBytes) {
    Article a = article(i, base);
    Instant published = base.plusSeconds(spacingSeconds * i);
    String paragraph = "<p>Paragraph of article " + i + ", as long as reporters write them, with "
        + "names, places, numbers and quotes that make a story worth reading to the end.</p>\n";
    String body = paragraph.repeat(Math.max(1, bodyBytes / paragraph.length()));
    return new Article(a.slug(), a.title(), a.summary(), body, a.author(), a.tags(),
        a.heroImageUrl(), a.heroImageAlt(), ArticleStatus.PUBLISHED, published, published,
        "bench-editor", 1);
  }

  /** Loads these articles (item and tag entries, as the repository writes them). */
  public static void load(DynamoDbClient dynamoDb, String table, List<Article> corpus) {
    List<WriteRequest> pending = new ArrayList<>();
    for (Article a : corpus) {
      pending.add(put(ArticleItems.item(a)));
      for (String tag : a.tags()) {
        pending.add(put(ArticleItems.tagEntry(a, tag)));
      }
      while (pending.size() >= 25) {
        flush(dynamoDb, table, pending);
      }
    }
    while (!pending.isEmpty()) {
      flush(dynamoDb, table, pending);
    }
  }

  private static void flush(DynamoDbClient dynamoDb, String table, List<WriteRequest> pending) {
    List<WriteRequest> batch = new ArrayList<>(pending.subList(0, Math.min(25, pending.size())));
    pending.subList(0, batch.size()).clear();
    BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(
        Map.of(table, batch)));
    pending.addAll(response.unprocessedItems().getOrDefault(table, List.of()));
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }
}
