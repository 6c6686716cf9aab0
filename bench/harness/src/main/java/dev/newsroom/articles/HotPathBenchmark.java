package dev.newsroom.articles;

import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Page;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The handler's own time for {@code GET /api/articles?limit=20}, no I/O: the repository is an
 * in-memory fake holding a page of 20 summaries. One operation is what Lambda runs per request:
 * event bytes in through the stream entry (parse), query and cursor checks (validate), page to
 * JSON with ETag, response bytes out (serialise).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class HotPathBenchmark {

  static final String EVENT = """
      {"version":"2.0","routeKey":"GET /api/articles","rawPath":"/api/articles",
       "rawQueryString":"limit=20","headers":{"accept":"application/json","user-agent":"bench",
       "x-forwarded-for":"192.0.2.1","host":"news.example"},
       "queryStringParameters":{"limit":"20"},
       "requestContext":{"accountId":"123456789012","apiId":"api","domainName":"news.example",
        "http":{"method":"GET","path":"/api/articles","protocol":"HTTP/1.1",
        "sourceIp":"192.0.2.1","userAgent":"bench"},"requestId":"r","routeKey":"GET /api/articles",
        "stage":"$default","time":"24/Nov/2026:10:00:00 +0000","timeEpoch":1795000000000},
       "isBase64Encoded":false}
      """;

  private ListArticlesHandler handler;
  private byte[] event;

  @Setup
  public void setUp() {
    handler = new ListArticlesHandler(new ArticleService(new FixedPage(20), Clock.system()));
    event = EVENT.getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public byte[] listPageOf20() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    handler.handleRequest(new ByteArrayInputStream(event), out, null);
    return out.toByteArray();
  }

  /** Always answers the same page, with a cursor for the next one, as a full store would. */
  static final class FixedPage implements ArticleRepository {
    private final Page<ArticleSummary> page;

    FixedPage(int size) {
      Instant base = Instant.parse("2026-01-01T00:00:00Z");
      List<ArticleSummary> items = new ArrayList<>();
      for (int i = size - 1; i >= 0; i--) {
        items.add(BenchArticles.summary(1000 + i, base));
      }
      page = new Page<>(items, items.get(size - 1).publishedAt() + "#" + items.get(size - 1)
          .slug());
    }

    @Override
    public Optional<Article> find(String slug) {
      return Optional.empty();
    }

    @Override
    public void save(Article article, Article previous) {
      throw new UnsupportedOperationException("read-only fake");
    }

    @Override
    public void delete(Article stored) {
      throw new UnsupportedOperationException("read-only fake");
    }

    @Override
    public Page<ArticleSummary> listPublished(String tag, int limit, String afterKey) {
      return page;
    }

    @Override
    public List<ArticleSummary> listPublishedBetween(String tag, Instant from, Instant until,
        int limit, boolean newestFirst) {
      throw new UnsupportedOperationException("the site's archive is not benchmarked here");
    }

    @Override
    public Page<ArticleSummary> listByStatus(ArticleStatus status, int limit, String afterKey) {
      return page;
    }
  }
}
