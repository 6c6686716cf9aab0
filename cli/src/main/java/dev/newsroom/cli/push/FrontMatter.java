package dev.newsroom.cli.push;

import java.util.List;

/**
 * The YAML between the two {@code ---} lines at the top of an article file. Unknown fields are
 * refused, so a misspelt {@code titel:} is an error, not a silently missing title.
 *
 * @param slug the article's slug; the file name without {@code .md} when absent
 * @param hero the hero image: a path relative to the file, an https URL or a Newsroom
 *     {@code /images/...} path
 * @param publish publish after saving
 * @param publishAt schedule the publication (ISO-8601 with an offset or Z)
 * @param newsletter send the newsletter when it is published
 * @param publishedAt the original publication date, to import an older article
 */
public record FrontMatter(
    String slug,
    String title,
    String summary,
    String author,
    List<String> tags,
    String hero,
    String heroAlt,
    Boolean publish,
    String publishAt,
    Boolean newsletter,
    String publishedAt) {

  static final List<String> FIELDS = List.of("title", "summary", "author", "tags", "hero",
      "heroAlt", "slug", "publish", "publishAt", "newsletter", "publishedAt");
}
