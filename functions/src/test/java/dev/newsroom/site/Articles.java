package dev.newsroom.site;

import dev.newsroom.articles.Article;
import dev.newsroom.articles.ArticleStatus;
import java.time.Instant;
import java.util.List;

/** Test articles. */
final class Articles {

  static final Instant SEED_TIME = Instant.parse("2024-02-03T12:00:00Z");

  private Articles() {}

  static Article published(String slug, Instant publishedAt, String... tags) {
    return new Article(slug, "Title of " + slug, "Summary of " + slug,
        "<p>Body of " + slug + ".</p>", "Newsroom Staff", List.of(tags), null, null,
        ArticleStatus.PUBLISHED, publishedAt, publishedAt, "editor-1", 1);
  }

  static Article seed() {
    return new Article("us-bombers-hit-iran-backed-militias-hard-in-syria-and-iraq",
        "US Bombers HIT Iran-Backed Militias HARD in Syria and Iraq After Deadly Drone Attack",
        "Decisive US air strikes target Iran-backed militias in Syria and Iraq following a lethal "
            + "drone assault.",
        "<p>The United States launched airstrikes against Iranian forces.</p>\n<p>The strikes hit "
            + "more than 85 targets.</p>",
        "Newsroom Staff", List.of("world", "middle-east"), null, null, ArticleStatus.PUBLISHED,
        SEED_TIME, SEED_TIME, "editor-1", 2);
  }

  static Article draft(Article a) {
    return new Article(a.slug(), a.title(), a.summary(), a.bodyHtml(), a.author(), a.tags(),
        a.heroImageUrl(), a.heroImageAlt(), ArticleStatus.DRAFT, a.publishedAt(),
        a.updatedAt().plusSeconds(60), a.editorId(), a.version() + 1);
  }

  static Article withTags(Article a, String... tags) {
    return new Article(a.slug(), a.title(), a.summary(), a.bodyHtml(), a.author(), List.of(tags),
        a.heroImageUrl(), a.heroImageAlt(), a.status(), a.publishedAt(),
        a.updatedAt().plusSeconds(60), a.editorId(), a.version() + 1);
  }

  static Article withSummary(Article a, String summary) {
    return new Article(a.slug(), a.title(), summary, a.bodyHtml(), a.author(), a.tags(),
        a.heroImageUrl(), a.heroImageAlt(), a.status(), a.publishedAt(),
        a.updatedAt().plusSeconds(60), a.editorId(), a.version() + 1);
  }

  static Article withTitle(Article a, String title) {
    return new Article(a.slug(), title, a.summary(), a.bodyHtml(), a.author(), a.tags(),
        a.heroImageUrl(), a.heroImageAlt(), a.status(), a.publishedAt(),
        a.updatedAt().plusSeconds(60), a.editorId(), a.version() + 1);
  }
}
