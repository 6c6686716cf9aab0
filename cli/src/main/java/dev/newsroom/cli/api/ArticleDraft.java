package dev.newsroom.cli.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of {@code PUT /api/admin/articles/{slug}}; the body is Markdown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleDraft(
    String title,
    String summary,
    String body,
    String bodyFormat,
    String author,
    List<String> tags,
    HeroImage heroImage,
    String publishedAt) {

  public record HeroImage(String url, String alt) {}

  public static ArticleDraft markdown(String title, String summary, String body, String author,
      List<String> tags, HeroImage heroImage, String publishedAt) {
    return new ArticleDraft(title, summary, body, "markdown", author, tags, heroImage,
        publishedAt);
  }
}
