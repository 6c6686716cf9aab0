package dev.newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.articles.Article;
import dev.newsroom.articles.BenchArticles;
import dev.newsroom.articles.DynamoDbArticleRepository;
import dev.newsroom.devserver.LocalS3;
import dev.newsroom.devserver.SamTemplate;
import dev.newsroom.pages.SiteConfig;
import dev.newsroom.site.Placement;
import dev.newsroom.site.S3PageStore;
import dev.newsroom.site.SitePublisher;
import dev.newsroom.site.SiteRenderer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What one publish costs the site at 10 and at 10,000 published articles, side by side in one
 * run: pages written, DynamoDB read units (as DynamoDB reports them) and time, for publishes
 * alternating between the two sites; then a burst of 1,000 publishes drained in batches of the
 * template's BatchSize, and the full rebuild at 10,000. DynamoDB Local and S3Mock over HTTP on
 * 127.0.0.1, the publisher wired with the real adapters; S3Mock's own per-request time grows with
 * its bucket, so time is also shown outside the S3 calls, and S3 is counted in requests.
 *
 * <p>The archive is a newsroom's: ten articles a day, two tags each (of twenty), bodies of about
 * 4 KB. Arguments: {@code --repo DIR [--publishes N]}.
 */
public final class SitePublishBench {

  private static final long SPACING_SECONDS = 8_640;
  private static final int BODY_BYTES = 4_000;
  private static final int LARGE = 10_000;
  private static final int BURST = 1_000;
  private static final int PROBES = 21;
  private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

  private SitePublishBench() {}

  /** Adds ReturnConsumedCapacity to every read and sums what DynamoDB reports. */
  static final class ReadUnits implements ExecutionInterceptor {
    final DoubleAdder units = new DoubleAdder();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attrs) {
      SdkRequest request = context.request();
      if (request instanceof GetItemRequest get) {
        return get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
      }
      if (request instanceof QueryRequest query) {
        return query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
      }
      return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attrs) {
      SdkResponse response = context.response();
      ConsumedCapacity used = response instanceof GetItemResponse get ? get.consumedCapacity()
          : response instanceof QueryResponse query ? query.consumedCapacity() : null;
      if (used != null && used.capacityUnits() != null) {
        units.add(used.capacityUnits());
      }
    }
  }

  /**
   * Time spent inside one client's calls, summed over calls (parallel calls overlap, so the sum
   * can exceed the wall time), and the number of calls: where a publish's time goes.
   */
  static final class CallTimes implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("started");
    final LongAdder nanos = new LongAdder();
    final LongAdder calls = new LongAdder();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attrs) {
      attrs.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attrs) {
      nanos.add(System.nanoTime() - attrs.getAttribute(STARTED));
      calls.increment();
    }

    void reset() {
      nanos.reset();
      calls.reset();
    }
  }

  /** One site: its table, its bucket, its publisher, and the number of its next article. */
  record Site(String label, String table, SitePublisher publisher, int[] next) {}

  record Sample(double pages, double units, double ms, double dynamoDbMs, double s3Ms,
      double s3Calls) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.parse(args);
    Path repo = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
    int publishes = Integer.parseInt(opts.getOrDefault("publishes", "30"));
    Path s3Root = Files.createTempDirectory("site-bench-s3");
    try (BenchWorld world = BenchWorld.start(repo);
        LocalS3 s3Server = LocalS3.start(s3Root, false, "site-small")) {
      ReadUnits reads = new ReadUnits();
      CallTimes dynamoDbTimes = new CallTimes();
      CallTimes s3Times = new CallTimes();
      DynamoDbClient dynamoDb = DynamoDbClient.builder().region(Region.of(BenchWorld.REGION))
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(BenchWorld.ACCESS_KEY, BenchWorld.SECRET_KEY)))
          .httpClient(UrlConnectionHttpClient.create())
          .endpointOverride(URI.create(world.endpoint()))
          .overrideConfiguration(c -> c.addExecutionInterceptor(reads)
              .addExecutionInterceptor(dynamoDbTimes)).build();
      S3Client s3 = S3Client.builder().region(Region.of(BenchWorld.REGION))
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create("test", "test")))
          .httpClient(UrlConnectionHttpClient.create())
          .endpointOverride(URI.create(s3Server.endpoint()))
          .forcePathStyle(true)
          .overrideConfiguration(c -> c.addExecutionInterceptor(s3Times)).build();
      s3.createBucket(r -> r.bucket("site-large"));

      long loadStart = System.nanoTime();
      Site small = site(world, dynamoDb, s3, "10", "SiteSmall", "site-small", 10);
      Site large = site(world, dynamoDb, s3, "10,000", "SiteLarge", "site-large", LARGE);
      System.out.printf("Loaded 10 and 10,000 published articles (10 a day, 2 tags of 20, %d-byte"
          + " bodies) in %.1f s%n", BODY_BYTES, (System.nanoTime() - loadStart) / 1e9);

      small.publisher().rebuildAll();
      long rebuildStart = System.nanoTime();
      SitePublisher.Result first = large.publisher().rebuildAll();
      double firstRebuild = (System.nanoTime() - rebuildStart) / 1e9;
      rebuildStart = System.nanoTime();
      SitePublisher.Result again = large.publisher().rebuildAll();
      double secondRebuild = (System.nanoTime() - rebuildStart) / 1e9;

      int warmUp = Math.max(5, publishes / 3);
      List<Sample> smallSamples = new ArrayList<>();
      List<Sample> largeSamples = new ArrayList<>();
      for (int i = 0; i < warmUp + publishes; i++) {
        boolean smallFirst = i % 2 == 0;
        Sample a = publishOne(world, smallFirst ? small : large, reads, dynamoDbTimes, s3Times);
        Sample b = publishOne(world, smallFirst ? large : small, reads, dynamoDbTimes, s3Times);
        if (i >= warmUp) {
          (smallFirst ? smallSamples : largeSamples).add(a);
          (smallFirst ? largeSamples : smallSamples).add(b);
        }
      }
      Sample s = median(smallSamples);
      Sample l = median(largeSamples);
      System.out.printf("%nOne publish (a new article, stream batch of one), median of %d after %d"
          + " warm-up, alternating sites%n", publishes, warmUp);
      System.out.printf("%-26s %12s %16s %8s%n", "", "10 articles", "10,000 articles", "ratio");
      row("pages written or deleted", s.pages(), l.pages());
      row("DynamoDB read units", s.units(), l.units());
      row("time (ms)", s.ms(), l.ms());
      row("- in DynamoDB calls (ms)", s.dynamoDbMs(), l.dynamoDbMs());
      row("- in S3 calls (ms)", s.s3Ms(), l.s3Ms());
      row("S3 requests", s.s3Calls(), l.s3Calls());
      row("time outside S3 calls (ms)", s.ms() - s.s3Ms(), l.ms() - l.s3Ms());
      double probeSmall = listLatencyMs(s3, "site-small");
      double probeLarge = listLatencyMs(s3, "site-large");
      System.out.printf("%nS3Mock itself: one single-key ListObjectsV2, median of %d (ms)%n",
          PROBES);
      row("in the bucket of the site", probeSmall, probeLarge);
      System.out.printf("%nRATIO pages 10,000 / 10 = %.2f  (target <= 1.5)%n", l.pages() / s.pages());
      System.out.printf("RATIO read units 10,000 / 10 = %.2f  (target <= 1.5)%n",
          l.units() / s.units());
      // A publish is sequential (one article), so its time outside S3 calls is wall time minus
      // the S3 calls: S3Mock re-reads its whole bucket index on every request (the probe above),
      // which S3 does not; the S3 share is counted in requests instead.
      System.out.printf("RATIO time outside S3 calls 10,000 / 10 = %.2f  (target <= 1.5)%n",
          (l.ms() - l.s3Ms()) / (s.ms() - s.s3Ms()));
      System.out.printf("RATIO S3 requests 10,000 / 10 = %.2f  (target <= 1.5)%n",
          l.s3Calls() / s.s3Calls());
      System.out.printf("(wall time with S3Mock 10,000 / 10 = %.2f)%n", l.ms() / s.ms());

      int batchSize = batchSize(world.template);
      List<Article> burst = new ArrayList<>();
      int from = large.next()[0];
      for (int i = 0; i < BURST; i++) {
        // a burst: a thousand articles within a few minutes of each other
        Article a = BenchArticles.archived(from + i, BASE, SPACING_SECONDS, BODY_BYTES);
        burst.add(withTime(a, BASE.plusSeconds(SPACING_SECONDS * from + i / 4)));
      }
      large.next()[0] += BURST;
      BenchArticles.load(world.dynamoDb, large.table(), burst);
      long drainStart = System.nanoTime();
      double slowest = 0;
      int pages = 0;
      for (int start = 0; start < BURST; start += batchSize) {
        List<Placement> batch = new ArrayList<>();
        for (Article a : burst.subList(start, Math.min(BURST, start + batchSize))) {
          batch.add(new Placement(a.slug(), a.tags(), a.publishedAt()));
        }
        long t = System.nanoTime();
        SitePublisher.Result result = large.publisher().publish(batch);
        slowest = Math.max(slowest, (System.nanoTime() - t) / 1e6);
        pages += result.written() + result.deleted();
      }
      double drain = (System.nanoTime() - drainStart) / 1e9;
      System.out.printf("%nBurst: %,d publishes on the 10,000-article site, in stream batches of %d"
          + " (template BatchSize), one shard%n", BURST, batchSize);
      System.out.printf("  drained in %.1f s: %d runs, %,d pages written, slowest run %.0f ms%n",
          drain, (BURST + batchSize - 1) / batchSize, pages, slowest);
      System.out.printf("%nFull rebuild (SiteRebuildFunction) at 10,000 articles%n");
      System.out.printf("  into an empty bucket: %.1f s (%,d written)%n", firstRebuild,
          first.written());
      System.out.printf("  again, nothing changed: %.1f s (%,d unchanged, %d written)%n",
          secondRebuild, again.unchanged(), again.written());
      System.out.printf("RATIO rebuild / Lambda's 900 s limit = %.3f%n", firstRebuild / 900);
    } finally {
      try (var files = Files.walk(s3Root)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Site site(BenchWorld world, DynamoDbClient reads, S3Client s3, String label,
      String table, String bucket, int count) {
    copyTable(world, "ArticlesTable", table);
    List<Article> corpus = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      corpus.add(BenchArticles.archived(i, BASE, SPACING_SECONDS, BODY_BYTES));
    }
    BenchArticles.load(world.dynamoDb, table, corpus);
    SitePublisher publisher = new SitePublisher(new DynamoDbArticleRepository(reads, table),
        new S3PageStore(s3, bucket), new SiteRenderer(new SiteConfig("https://news.example",
            "Newsroom")));
    return new Site(label, table, publisher, new int[] {count});
  }

  private static Sample publishOne(BenchWorld world, Site site, ReadUnits reads,
      CallTimes dynamoDb, CallTimes s3) {
    Article a = BenchArticles.archived(site.next()[0]++, BASE, SPACING_SECONDS, BODY_BYTES);
    BenchArticles.load(world.dynamoDb, site.table(), List.of(a));
    reads.units.reset();
    dynamoDb.reset();
    s3.reset();
    long start = System.nanoTime();
    SitePublisher.Result result = site.publisher().publish(List.of(
        new Placement(a.slug(), a.tags(), a.publishedAt())));
    double ms = (System.nanoTime() - start) / 1e6;
    return new Sample(result.written() + result.deleted(), reads.units.sum(), ms,
        dynamoDb.nanos.sum() / 1e6, s3.nanos.sum() / 1e6, s3.calls.sum());
  }

  /** The emulator's own latency for the cheapest listing, in one bucket. */
  private static double listLatencyMs(S3Client s3, String bucket) {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < PROBES; i++) {
      long start = System.nanoTime();
      s3.listObjectsV2(r -> r.bucket(bucket).prefix("index.html"));
      ms.add((System.nanoTime() - start) / 1e6);
    }
    return Stats.median(ms);
  }

  private static Article withTime(Article a, Instant time) {
    return new Article(a.slug(), a.title(), a.summary(), a.bodyHtml(), a.author(), a.tags(),
        a.heroImageUrl(), a.heroImageAlt(), a.status(), time, time, a.editorId(), a.version());
  }

  private static Sample median(List<Sample> samples) {
    return new Sample(Stats.median(samples.stream().map(Sample::pages).toList()),
        Stats.median(samples.stream().map(Sample::units).toList()),
        Stats.median(samples.stream().map(Sample::ms).toList()),
        Stats.median(samples.stream().map(Sample::dynamoDbMs).toList()),
        Stats.median(samples.stream().map(Sample::s3Ms).toList()),
        Stats.median(samples.stream().map(Sample::s3Calls).toList()));
  }

  private static void row(String label, double small, double large) {
    System.out.printf("%-26s %12.1f %16.1f %8.2f%n", label, small, large, large / small);
  }

  private static int batchSize(SamTemplate template) {
    for (SamTemplate.Function function : template.functions()) {
      if (function.id().equals("SitePublisherFunction")) {
        for (JsonNode event : function.events()) {
          if ("DynamoDB".equals(event.path("Type").asText())) {
            return event.at("/Properties/BatchSize").asInt(100);
          }
        }
      }
    }
    throw new IllegalStateException("no SitePublisherFunction stream in template.yaml");
  }

  /** A new table with the keys and indexes of an existing one (the template's shape). */
  private static void copyTable(BenchWorld world, String from, String to) {
    TableDescription d = world.dynamoDb.describeTable(r -> r.tableName(from)).table();
    List<GlobalSecondaryIndex> indexes = d.globalSecondaryIndexes().stream()
        .map(i -> GlobalSecondaryIndex.builder().indexName(i.indexName()).keySchema(i.keySchema())
            .projection(i.projection()).build())
        .toList();
    world.dynamoDb.createTable(CreateTableRequest.builder().tableName(to)
        .attributeDefinitions(d.attributeDefinitions()).keySchema(d.keySchema())
        .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes)
        .billingMode("PAY_PER_REQUEST").build());
  }
}
