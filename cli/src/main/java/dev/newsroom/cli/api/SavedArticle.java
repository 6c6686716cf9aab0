package dev.newsroom.cli.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An article as the editors' API answers it.
 *
 * @param created whether this request created it (201)
 * @param json the whole answer, for {@code --json}
 */
public record SavedArticle(String slug, String status, long version, boolean created,
    JsonNode json) {

  static SavedArticle of(JsonNode json, boolean created) {
    return new SavedArticle(json.path("slug").asText(), json.path("status").asText(),
        json.path("version").asLong(), created, json);
  }
}
