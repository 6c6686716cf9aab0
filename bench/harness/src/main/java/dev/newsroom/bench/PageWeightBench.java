package dev.newsroom.bench;

import dev.newsroom.articles.Article;
import dev.newsroom.articles.ArticleInput;
import dev.newsroom.articles.ArticleStatus;
import dev.newsroom.articles.ArticleSummary;
import dev.newsroom.articles.BenchArticles;
import dev.newsroom.articles.BodySanitizer;
import dev.newsroom.pages.SiteConfig;
import dev.newsroom.shared.Json;
import dev.newsroom.site.SiteFile;
import dev.newsroom.site.SiteRenderer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Bytes of the pages the publisher writes, rendered by the real {@link SiteRenderer}: the seed
 * article's page, the home page (first listing page, full) and the feed, raw and gzipped (what
 * CloudFront sends to browsers that accept it). The article page is held to its 30 KB budget.
 */
public final class PageWeightBench {

  static final int ARTICLE_BUDGET = 30 * 1024;

  private PageWeightBench() {}

  public static void main(String[] args) throws Exception {
    ArticleInput seed = Json.mapper().readValue(BenchWorld.seedJson(), ArticleInput.class);
    Instant published = Instant.parse("2024-02-03T12:00:00Z");
    Article article = new Article(BenchWorld.SEED_SLUG, seed.title(), seed.summary(),
        BodySanitizer.sanitize(seed.body(), seed.bodyFormat() == null ? "markdown"
            : seed.bodyFormat()),
        seed.author(), seed.tags() == null ? List.of() : seed.tags(),
        seed.heroImage() == null ? null : seed.heroImage().url(),
        seed.heroImage() == null ? null : seed.heroImage().alt(),
        ArticleStatus.PUBLISHED, published, published, "bench-editor", 1);
    List<Article> newest = new ArrayList<>(List.of(article));
    for (int i = 0; i < SiteRenderer.PAGE_SIZE - 1; i++) {
      newest.add(BenchArticles.article(1000 - i, Instant.parse("2024-01-01T00:00:00Z")));
    }
    SiteRenderer renderer = new SiteRenderer(new SiteConfig("https://news.example", "Newsroom"));
    SiteFile articlePage = renderer.articlePage(article);
    SiteFile home = renderer.homePage(newest.stream().map(ArticleSummary::of).toList());
    SiteFile feed = renderer.feed(newest);
    System.out.printf("%-28s %10s %10s  %s%n", "page", "bytes", "gzip", "key");
    for (SiteFile file : List.of(articlePage, home, feed)) {
      System.out.printf("%-28s %10d %10d  %s%n", label(file, articlePage, home), file.body().length,
          gzip(file.body()), file.key());
    }
    System.out.printf("%nRATIO article page / 30 KB budget = %.2f  (%d bytes; target <= 1.00)%n",
        articlePage.body().length / (double) ARTICLE_BUDGET, articlePage.body().length);
  }

  private static String label(SiteFile file, SiteFile article, SiteFile home) {
    return file == article ? "article page (seed article)"
        : file == home ? "home page (" + SiteRenderer.PAGE_SIZE + " items)" : "feed (" + SiteRenderer.PAGE_SIZE + " full entries)";
  }

  private static int gzip(byte[] bytes) throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.size();
  }
}
