package dev.newsroom.articles;

import static dev.newsroom.config.DynamoDbAttributes.fromN;

import dev.newsroom.config.AwsErrors;
import dev.newsroom.config.DynamoDbTransactions;
import dev.newsroom.scheduling.DynamoDbDueJobRepository;
import dev.newsroom.shared.ConflictException;
import dev.newsroom.shared.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Articles in one DynamoDB table. The article item is {@code (pk=slug, sk="article")}. Listing
 * entries live in the sparse {@code byFeed} index: the article item itself carries
 * {@code feed="published"} while published, and one item per tag {@code (pk=slug, sk="tag#t")}
 * carries {@code feed="tag#t"}. All of them change in one transaction, so listings never disagree
 * with the article. A scheduled article's publish job (in the due-jobs table of
 * {@link dev.newsroom.scheduling}) is written in that same transaction ({@link PublishJobs}).
 * Reads are GetItem and Query only.
 */
public final class DynamoDbArticleRepository implements ArticleRepository {

  static final String ARTICLE_SK = "article";
  static final String FEED_INDEX = "byFeed";
  static final String STATUS_INDEX = "byStatus";
  static final String PUBLISHED_FEED = "published";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final String jobsTable;

  /** For readers: writing a scheduled article fails. */
  public DynamoDbArticleRepository(DynamoDbClient dynamoDb, String table) {
    this(dynamoDb, table, null);
  }

  /** @param jobsTable the due-jobs table, or null for a reader */
  public DynamoDbArticleRepository(DynamoDbClient dynamoDb, String table, String jobsTable) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.jobsTable = jobsTable;
  }

  @Override
  public Optional<Article> find(String slug) {
    try {
      Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
          .key(key(slug, ARTICLE_SK)).consistentRead(true)).item();
      return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ArticleItems.article(item));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public void save(Article article, Article previous) {
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
        .item(ArticleItems.item(article))
        .conditionExpression(previous == null ? "attribute_not_exists(pk)" : "version = :v")
        .expressionAttributeValues(previous == null ? null
            : Map.of(":v", fromN(previous.version()))))
        .build());
    Set<String> keep = article.isPublished() ? Set.copyOf(article.tags()) : Set.of();
    if (previous != null && previous.isPublished()) {
      for (String tag : previous.tags()) {
        if (!keep.contains(tag)) {
          writes.add(TransactWriteItem.builder()
              .delete(d -> d.tableName(table).key(key(article.slug(), "tag#" + tag))).build());
        }
      }
    }
    for (String tag : keep) {
      writes.add(TransactWriteItem.builder()
          .put(p -> p.tableName(table).item(ArticleItems.tagEntry(article, tag))).build());
    }
    PublishJobs.toPut(article)
        .ifPresent(job -> writes.add(DynamoDbDueJobRepository.putInTransaction(jobsTable(), job)));
    PublishJobs.toDelete(article, previous).ifPresent(
        job -> writes.add(DynamoDbDueJobRepository.deleteInTransaction(jobsTable(), job)));
    transact(writes);
  }

  @Override
  public void delete(Article stored) {
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
        .key(key(stored.slug(), ARTICLE_SK))
        .conditionExpression("version = :v")
        .expressionAttributeValues(Map.of(":v", fromN(stored.version()))))
        .build());
    if (stored.isPublished()) {
      for (String tag : stored.tags()) {
        writes.add(TransactWriteItem.builder()
            .delete(d -> d.tableName(table).key(key(stored.slug(), "tag#" + tag))).build());
      }
    }
    PublishJobs.toDelete(null, stored).ifPresent(
        job -> writes.add(DynamoDbDueJobRepository.deleteInTransaction(jobsTable(), job)));
    transact(writes);
  }

  @Override
  public Page<ArticleSummary> listPublished(String tag, int limit, String afterKey) {
    return query(FEED_INDEX, "feed", tag == null ? PUBLISHED_FEED : "tag#" + tag, "feedKey",
        limit, afterKey);
  }

  @Override
  public List<ArticleSummary> listPublishedBetween(String tag, Instant from, Instant until,
      int limit, boolean newestFirst) {
    Instant low = from.isBefore(ListingKeys.EARLIEST) ? ListingKeys.EARLIEST : from;
    Instant high = until.isAfter(ListingKeys.LATEST) ? ListingKeys.LATEST : until.minusNanos(1);
    List<ArticleSummary> found = new ArrayList<>();
    if (high.isBefore(low) || limit <= 0) {
      return found;
    }
    // Keys are "time#slug" with the time in fixed width: '$' sorts just after '#'.
    Map<String, AttributeValue> values = Map.of(
        ":p", AttributeValue.fromS(tag == null ? PUBLISHED_FEED : "tag#" + tag),
        ":lo", AttributeValue.fromS(ListingKeys.of(low, "")),
        ":hi", AttributeValue.fromS(ListingKeys.of(high, "").replace("#", "$")));
    Map<String, AttributeValue> start = null;
    try {
      do {
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(FEED_INDEX)
            .keyConditionExpression("feed = :p AND feedKey BETWEEN :lo AND :hi")
            .expressionAttributeValues(values).scanIndexForward(!newestFirst)
            .limit(Math.min(limit - found.size(), 1000)).exclusiveStartKey(start).build();
        QueryResponse response = dynamoDb.query(request);
        response.items().forEach(item -> found.add(ArticleItems.summary(item)));
        start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? response.lastEvaluatedKey() : null;
      } while (start != null && found.size() < limit);
      return found;
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public Page<ArticleSummary> listByStatus(ArticleStatus status, int limit, String afterKey) {
    return query(STATUS_INDEX, "status", status.wire(), "statusKey", limit, afterKey);
  }

  /**
   * Asks for one item more than the page, so the last page never carries a cursor, and asks
   * again while DynamoDB cut its answer short (1 MB at most), so a page is never short.
   */
  private Page<ArticleSummary> query(String index, String partition, String value, String sort,
      int limit, String afterKey) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":p", AttributeValue.fromS(value));
    String condition = "#p = :p";
    if (afterKey != null) {
      condition += " AND #s < :after";
      values.put(":after", AttributeValue.fromS(afterKey));
    }
    QueryRequest.Builder request = QueryRequest.builder()
        .tableName(table)
        .indexName(index)
        .keyConditionExpression(condition)
        .expressionAttributeNames(afterKey == null ? Map.of("#p", partition)
            : Map.of("#p", partition, "#s", sort))
        .expressionAttributeValues(values)
        .scanIndexForward(false);
    try {
      List<ArticleSummary> items = new ArrayList<>();
      Map<String, AttributeValue> start = null;
      do {
        QueryResponse response = dynamoDb.query(request.limit(limit + 1 - items.size())
            .exclusiveStartKey(start).build());
        response.items().forEach(item -> items.add(ArticleItems.summary(item)));
        start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? response.lastEvaluatedKey() : null;
      } while (start != null && items.size() <= limit);
      if (items.size() <= limit) {
        return new Page<>(items, null);
      }
      List<ArticleSummary> page = List.copyOf(items.subList(0, limit));
      return new Page<>(page, sortKey(page.get(limit - 1), sort));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  private static String sortKey(ArticleSummary summary, String sort) {
    Instant time = sort.equals("feedKey") ? summary.publishedAt()
        : summary.publishAt() != null ? summary.publishAt() : summary.updatedAt();
    return ListingKeys.of(time, summary.slug());
  }

  private String jobsTable() {
    if (jobsTable == null) {
      throw new IllegalStateException("missing configuration: SCHEDULED_JOBS_TABLE");
    }
    return jobsTable;
  }

  private void transact(List<TransactWriteItem> writes) {
    if (!DynamoDbTransactions.transactWriteItems(dynamoDb, writes)) {
      throw new ConflictException("The article changed meanwhile. Reload and try again.");
    }
  }

  static Map<String, AttributeValue> key(String slug, String sk) {
    return Map.of("pk", AttributeValue.fromS(slug), "sk", AttributeValue.fromS(sk));
  }
}
