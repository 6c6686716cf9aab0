package dev.newsroom.web;

import dev.newsroom.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Flat string fields from either a JSON object or an {@code application/x-www-form-urlencoded}
 * body, so one handler serves the JS and the no-JS form alike under the same rules.
 *
 * @param values the fields as sent; absent fields are absent
 * @param form true when the body was a form post (answer with a 303), false for JSON
 */
public record FormFields(Map<String, String> values, boolean form) {

  private static final ObjectReader TREE = Json.MAPPER.readerFor(JsonNode.class);

  public FormFields {
    values = Map.copyOf(values);
  }

  /** Reads the body, refusing fields outside {@code allowed}, repeats and non-string values. */
  public static FormFields read(HttpRequest request, Set<String> allowed) {
    String mediaType = request.mediaType();
    if ("application/x-www-form-urlencoded".equals(mediaType)) {
      return new FormFields(decodeForm(Utf8Body.of(request), allowed), true);
    }
    if ("application/json".equals(mediaType)) {
      return new FormFields(decodeJson(Utf8Body.of(request), allowed), false);
    }
    throw new ApiException(415, "unsupported_media_type",
        "Send application/json or application/x-www-form-urlencoded.");
  }

  public String get(String name) {
    return values.getOrDefault(name, "");
  }

  /** {@code body} has passed {@link Utf8Body#of}. */
  static Map<String, String> decodeForm(byte[] body, Set<String> allowed) {
    Map<String, String> fields = new LinkedHashMap<>();
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return fields;
    }
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      put(fields, allowed, name, value);
    }
    return fields;
  }

  static Map<String, String> decodeJson(byte[] body, Set<String> allowed) {
    JsonNode root = JsonBody.parse(body, TREE);
    if (!root.isObject()) {
      throw ApiException.badRequest("malformed_json", "The body must be a JSON object.");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isNull()) {
        continue;
      }
      if (!field.getValue().isTextual()) {
        throw ApiException.badRequest("invalid_type",
            "Field " + clip(field.getKey()) + " must be a string.");
      }
      put(fields, allowed, field.getKey(), field.getValue().textValue());
    }
    return fields;
  }

  private static void put(Map<String, String> fields, Set<String> allowed, String name,
      String value) {
    if (!allowed.contains(name)) {
      throw ApiException.badRequest("unknown_field", "Unknown field: " + clip(name) + ".");
    }
    if (fields.putIfAbsent(name, value) != null) {
      throw ApiException.badRequest("repeated_field", "Field " + name + " is repeated.");
    }
  }

  private static String decode(String raw) {
    try {
      String decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
      if (decoded.indexOf('\uFFFD') >= 0) {
        throw ApiException.badRequest("invalid_encoding", "The form body is not valid UTF-8.");
      }
      return decoded;
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("malformed_form", "The form body is not valid.");
    }
  }

  private static String clip(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
