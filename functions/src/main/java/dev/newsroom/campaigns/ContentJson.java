package dev.newsroom.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.shared.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A campaign's content as the store keeps it: one JSON document. */
final class ContentJson {

  private ContentJson() {}

  static String write(CampaignContent content) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("subject", content.subject());
    root.put("preheader", content.preheader());
    ArrayNode articles = root.putArray("articles");
    for (CampaignArticle a : content.articles()) {
      ObjectNode node = articles.addObject();
      node.put("slug", a.slug());
      node.put("title", a.title());
      node.put("summary", a.summary());
      node.put("heroImageUrl", a.heroImageUrl());
      node.put("heroImageAlt", a.heroImageAlt());
      node.put("bodyHtml", a.bodyHtml());
      node.put("publishedAt", a.publishedAt() == null ? null : a.publishedAt().toString());
      ArrayNode tags = node.putArray("tags");
      a.tags().forEach(tags::add);
    }
    return root.toString();
  }

  static CampaignContent read(String json) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("stored campaign content is not JSON", e);
    }
    List<CampaignArticle> articles = new ArrayList<>();
    for (JsonNode a : root.get("articles")) {
      List<String> tags = new ArrayList<>();
      a.get("tags").forEach(t -> tags.add(t.asText()));
      articles.add(new CampaignArticle(text(a, "slug"), text(a, "title"), text(a, "summary"),
          text(a, "heroImageUrl"), text(a, "heroImageAlt"), text(a, "bodyHtml"), tags,
          a.hasNonNull("publishedAt") ? Instant.parse(a.get("publishedAt").asText()) : null));
    }
    return new CampaignContent(text(root, "subject"), text(root, "preheader"), articles);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
