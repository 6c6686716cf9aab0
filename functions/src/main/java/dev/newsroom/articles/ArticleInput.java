package dev.newsroom.articles;

import java.util.List;

/**
 * The body of {@code PUT /api/admin/articles/{slug}}. Parsed strictly: unknown fields and wrong
 * types are refused before validation.
 *
 * @param bodyFormat "markdown" (default) or "html"; either way the stored body is sanitised HTML
 * @param publishedAt optional ISO-8601 date-time, for importing articles with their real date
 */
public record ArticleInput(
    String title,
    String summary,
    String body,
    String bodyFormat,
    String author,
    List<String> tags,
    HeroImage heroImage,
    String publishedAt) {

  /** The lead image; alt text is required whenever a URL is given. */
  public record HeroImage(String url, String alt) {}
}
