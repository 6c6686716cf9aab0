package dev.newsroom.articles;

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
    item.put("pk", s(a.slug()));
    item.put("sk", s(DynamoDbArticleRepository.ARTICLE_SK));
    item.put("bodyHtml", s(a.bodyHtml()));
    item.put("editorId", s(a.editorId()));
    item.put("version", AttributeValue.fromN(Long.toString(a.version())));
    item.put("statusKey", s(a.statusKey()));
    if (a.schedule() != null) {
      item.put("publishAt", s(a.schedule().publishAt().toString()));
      item.put("newsletter", AttributeValue.fromBool(a.schedule().newsletter()));
    }
    if (a.isPublished()) {
      item.put("feed", s(DynamoDbArticleRepository.PUBLISHED_FEED));
      item.put("feedKey", s(a.listingKey()));
    }
    return item;
  }

  /** A tag listing entry: a copy of the summary, keyed into the tag's feed. */
  static Map<String, AttributeValue> tagEntry(Article a, String tag) {
    Map<String, AttributeValue> item = summaryAttributes(ArticleSummary.of(a));
    item.remove("status");
    item.put("pk", s(a.slug()));
    item.put("sk", s("tag#" + tag));
    item.put("feed", s("tag#" + tag));
    item.put("feedKey", s(a.listingKey()));
    return item;
  }

  private static Map<String, AttributeValue> summaryAttributes(ArticleSummary a) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("slug", s(a.slug()));
    item.put("title", s(a.title()));
    item.put("summary", s(a.summary()));
    item.put("author", s(a.author()));
    item.put("tags", AttributeValue.fromL(a.tags().stream().map(ArticleItems::s).toList()));
    item.put("status", s(a.status().wire()));
    item.put("updatedAt", s(a.updatedAt().toString()));
    if (a.publishedAt() != null) {
      item.put("publishedAt", s(a.publishedAt().toString()));
    }
    if (a.heroImageUrl() != null) {
      item.put("heroUrl", s(a.heroImageUrl()));
      item.put("heroAlt", s(a.heroImageAlt()));
    }
    return item;
  }

  static Article article(Map<String, AttributeValue> item) {
    ArticleSummary s = summary(item);
    String publishAt = text(item, "publishAt");
    AttributeValue newsletter = item.get("newsletter");
    ArticleSchedule schedule = publishAt == null ? null : new ArticleSchedule(
        Instant.parse(publishAt), newsletter != null && Boolean.TRUE.equals(newsletter.bool()));
    return new Article(s.slug(), s.title(), s.summary(), text(item, "bodyHtml"), s.author(),
        s.tags(), s.heroImageUrl(), s.heroImageAlt(), s.status(), s.publishedAt(), s.updatedAt(),
        text(item, "editorId"), Long.parseLong(item.get("version").n()), schedule);
  }

  static ArticleSummary summary(Map<String, AttributeValue> item) {
    AttributeValue tags = item.get("tags");
    List<String> tagList = tags == null ? List.of()
        : tags.l().stream().map(AttributeValue::s).toList();
    // Tag entries carry no status: they exist only while the article is published.
    String status = item.containsKey("status") ? text(item, "status") : "published";
    ArticleStatus parsed = ArticleStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
    return new ArticleSummary(
        text(item, "slug"), text(item, "title"), text(item, "summary"), text(item, "author"),
        tagList, text(item, "heroUrl"), text(item, "heroAlt"), parsed,
        instant(item, "publishedAt"), instant(item, "updatedAt"),
        parsed == ArticleStatus.SCHEDULED ? publishAt(item) : null);
  }

  /**
   * The status index does not project {@code publishAt} (a GSI's projection cannot change in
   * place), but a scheduled article's status key starts with it.
   */
  private static Instant publishAt(Map<String, AttributeValue> item) {
    Instant stored = instant(item, "publishAt");
    return stored != null ? stored : ListingKeys.timeOf(text(item, "statusKey"));
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

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    String value = text(item, name);
    return value == null ? null : Instant.parse(value);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
