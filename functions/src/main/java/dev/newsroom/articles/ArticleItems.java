package dev.newsroom.articles;

import static dev.newsroom.config.DynamoDbAttributes.fromN;
import static dev.newsroom.config.DynamoDbAttributes.instantOrNull;
import static dev.newsroom.config.DynamoDbAttributes.stringOrNull;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Static mapping between articles and DynamoDB items, and the reading of the table's stream
 * records: the one place that knows the item layout. No reflection, no bean schema.
 */
public final class ArticleItems {

  private ArticleItems() {}

  static Map<String, AttributeValue> item(Article a) {
    Map<String, AttributeValue> item = summaryAttributes(ArticleSummary.of(a));
    item.put("pk", fromS(a.slug()));
    item.put("sk", fromS(DynamoDbArticleRepository.ARTICLE_SK));
    item.put("bodyHtml", fromS(a.bodyHtml()));
    item.put("editorId", fromS(a.editorId()));
    item.put("version", fromN(a.version()));
    item.put("statusKey", fromS(a.statusKey()));
    if (a.schedule() != null) {
      item.put("publishAt", fromS(a.schedule().publishAt().toString()));
      item.put("newsletter", AttributeValue.fromBool(a.schedule().newsletter()));
    }
    if (a.isPublished()) {
      item.put("feed", fromS(DynamoDbArticleRepository.PUBLISHED_FEED));
      item.put("feedKey", fromS(a.listingKey()));
    }
    return item;
  }

  /** A tag listing entry: a copy of the summary, keyed into the tag's feed. */
  static Map<String, AttributeValue> tagEntry(Article a, String tag) {
    Map<String, AttributeValue> item = summaryAttributes(ArticleSummary.of(a));
    item.remove("status");
    item.put("pk", fromS(a.slug()));
    item.put("sk", fromS("tag#" + tag));
    item.put("feed", fromS("tag#" + tag));
    item.put("feedKey", fromS(a.listingKey()));
    return item;
  }

  private static Map<String, AttributeValue> summaryAttributes(ArticleSummary a) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("slug", fromS(a.slug()));
    item.put("title", fromS(a.title()));
    item.put("summary", fromS(a.summary()));
    item.put("author", fromS(a.author()));
    item.put("tags", AttributeValue.fromL(a.tags().stream().map(AttributeValue::fromS).toList()));
    item.put("status", fromS(a.status().wire()));
    item.put("updatedAt", fromS(a.updatedAt().toString()));
    if (a.publishedAt() != null) {
      item.put("publishedAt", fromS(a.publishedAt().toString()));
    }
    if (a.heroImageUrl() != null) {
      item.put("heroUrl", fromS(a.heroImageUrl()));
      item.put("heroAlt", fromS(a.heroImageAlt()));
    }
    return item;
  }

  static Article article(Map<String, AttributeValue> item) {
    ArticleSummary s = summary(item);
    String publishAt = stringOrNull(item, "publishAt");
    AttributeValue newsletter = item.get("newsletter");
    ArticleSchedule schedule = publishAt == null ? null : new ArticleSchedule(
        Instant.parse(publishAt), newsletter != null && Boolean.TRUE.equals(newsletter.bool()));
    return new Article(s.slug(), s.title(), s.summary(), stringOrNull(item, "bodyHtml"), s.author(),
        s.tags(), s.heroImageUrl(), s.heroImageAlt(), s.status(), s.publishedAt(), s.updatedAt(),
        stringOrNull(item, "editorId"), Long.parseLong(item.get("version").n()), schedule);
  }

  static ArticleSummary summary(Map<String, AttributeValue> item) {
    AttributeValue tags = item.get("tags");
    List<String> tagList = tags == null ? List.of()
        : tags.l().stream().map(AttributeValue::s).toList();
    // Tag entries carry no status: they exist only while the article is published.
    String status = item.containsKey("status") ? stringOrNull(item, "status") : "published";
    ArticleStatus parsed = ArticleStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
    return new ArticleSummary(
        stringOrNull(item, "slug"), stringOrNull(item, "title"), stringOrNull(item, "summary"),
        stringOrNull(item, "author"), tagList, stringOrNull(item, "heroUrl"),
        stringOrNull(item, "heroAlt"), parsed,
        instantOrNull(item, "publishedAt"), instantOrNull(item, "updatedAt"),
        parsed == ArticleStatus.SCHEDULED ? publishAt(item) : null);
  }

  /**
   * The status index does not project {@code publishAt} (a GSI's projection cannot change in
   * place), but a scheduled article's status key starts with it.
   */
  private static Instant publishAt(Map<String, AttributeValue> item) {
    Instant stored = instantOrNull(item, "publishAt");
    return stored != null ? stored : ListingKeys.timeOf(stringOrNull(item, "statusKey"));
  }

  /**
   * The published versions a stream record of the table carries: its old and new image, each
   * where it was published (a draft has no page). Empty for tag entries, which follow their
   * article in the same transaction.
   */
  public record PublishedVersion(String slug, List<String> tags, Instant publishedAt) {

    public PublishedVersion {
      tags = List.copyOf(tags);
    }

    public static List<PublishedVersion> of(StreamRecord record) {
      var keys = record.getKeys();
      if (!DynamoDbArticleRepository.ARTICLE_SK.equals(streamText(keys.get("sk")))) {
        return List.of();
      }
      List<PublishedVersion> versions = new ArrayList<>(2);
      for (var image : Stream.of(record.getOldImage(), record.getNewImage())
          .filter(Objects::nonNull).toList()) {
        String publishedAt = streamText(image.get("publishedAt"));
        if (ArticleStatus.PUBLISHED.wire().equals(streamText(image.get("status")))
            && publishedAt != null) {
          List<String> tags = new ArrayList<>();
          var list = image.get("tags");
          if (list != null && list.getL() != null) {
            list.getL().forEach(tag -> tags.add(tag.getS()));
          }
          versions.add(new PublishedVersion(streamText(keys.get("pk")), tags,
              Instant.parse(publishedAt)));
        }
      }
      return versions;
    }

    /** The stream's attribute type is the Lambda events library's, not the SDK's. */
    private static String streamText(
        com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
      return value == null ? null : value.getS();
    }
  }
}
