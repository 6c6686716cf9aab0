package dev.newsroom.articles;

import dev.newsroom.shared.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of articles in API responses (see openapi.yaml). */
final class ArticleJson {

  private ArticleJson() {}

  static Map<String, Object> article(Article a) {
    Map<String, Object> json = summary(ArticleSummary.of(a));
    json.put("bodyHtml", a.bodyHtml());
    return json;
  }

  /** Editors also see status, version and the last writer. */
  static Map<String, Object> forEditors(Article a) {
    Map<String, Object> json = article(a);
    json.put("status", a.status().wire());
    json.put("version", a.version());
    json.put("editorId", a.editorId());
    if (a.isScheduled()) {
      json.put("publishAt", a.schedule().publishAt().toString());
      json.put("newsletter", a.schedule().newsletter());
    }
    return json;
  }

  static Map<String, Object> summary(ArticleSummary a) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("slug", a.slug());
    json.put("title", a.title());
    json.put("summary", a.summary());
    json.put("author", a.author());
    json.put("tags", a.tags());
    if (a.heroImageUrl() != null) {
      json.put("heroImage", Map.of("url", a.heroImageUrl(), "alt", a.heroImageAlt()));
    }
    if (a.publishedAt() != null) {
      json.put("publishedAt", a.publishedAt().toString());
    }
    json.put("updatedAt", a.updatedAt().toString());
    return json;
  }

  static Map<String, Object> page(Page<ArticleSummary> page, boolean withStatus) {
    List<Map<String, Object>> items = page.items().stream().map(s -> {
      Map<String, Object> json = summary(s);
      if (withStatus) {
        json.put("status", s.status().wire());
      }
      if (withStatus && s.publishAt() != null) {
        json.put("publishAt", s.publishAt().toString());
      }
      return json;
    }).toList();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("items", items);
    json.put("nextCursor", page.nextCursor());
    return json;
  }
}
