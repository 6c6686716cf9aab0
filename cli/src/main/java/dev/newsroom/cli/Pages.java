package dev.newsroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Follows {@code nextCursor} through a listing's pages. */
final class Pages {

  /** A listing is at most a few thousand items; this stops a server that loops. */
  private static final int MAX_PAGES = 1000;

  private Pages() {}

  static List<JsonNode> all(Function<String, JsonNode> page) {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    for (int i = 0; i < MAX_PAGES; i++) {
      JsonNode answer = page.apply(cursor);
      answer.path("items").forEach(items::add);
      JsonNode next = answer.get("nextCursor");
      if (next == null || next.isNull() || next.asText().isEmpty()) {
        return items;
      }
      cursor = next.asText();
    }
    return items;
  }
}
