package dev.newsroom.web;

import dev.newsroom.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * String fields from either a JSON object or an {@code application/x-www-form-urlencoded} body,
 * so one handler serves the JS and the no-JS form alike under the same rules. A field is one
 * string, unless the handler names it a list: then a form may repeat it (ticked checkboxes) and
 * JSON may give an array of strings.
 *
 * @param values the single-valued fields as sent; absent fields are absent
 * @param lists the list fields as sent, in order; absent lists are absent
 * @param form true when the body was a form post (answer with a 303), false for JSON
 */
public record FormFields(Map<String, String> values, Map<String, List<String>> lists,
    boolean form) {

  private static final ObjectReader TREE = Json.MAPPER.readerFor(JsonNode.class);

  public FormFields {
    values = Map.copyOf(values);
    lists = lists.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
        e -> List.copyOf(e.getValue())));
  }

  public FormFields(Map<String, String> values, boolean form) {
    this(values, Map.of(), form);
  }

  /** Reads the body, refusing fields outside {@code allowed}, repeats and non-string values. */
  public static FormFields read(HttpRequest request, Set<String> allowed) {
    return read(request, allowed, Set.of());
  }

  /**
   * As {@link #read(HttpRequest, Set)}, where the fields named in {@code lists} may hold several
   * values (and need not be in {@code allowed}).
   */
  public static FormFields read(HttpRequest request, Set<String> allowed, Set<String> lists) {
    String mediaType = request.mediaType();
    Fields fields = new Fields(allowed, lists);
    if ("application/x-www-form-urlencoded".equals(mediaType)) {
      decodeForm(Utf8Body.of(request), fields);
      return new FormFields(fields.values, fields.lists, true);
    }
    if ("application/json".equals(mediaType)) {
      decodeJson(Utf8Body.of(request), fields);
      return new FormFields(fields.values, fields.lists, false);
    }
    throw new ApiException(415, "unsupported_media_type",
        "Send application/json or application/x-www-form-urlencoded.");
  }

  public String get(String name) {
    return values.getOrDefault(name, "");
  }

  /** A list field's values, empty when absent. */
  public List<String> list(String name) {
    return lists.getOrDefault(name, List.of());
  }

  /** {@code body} has passed {@link Utf8Body#of}. */
  static Map<String, String> decodeForm(byte[] body, Set<String> allowed) {
    Fields fields = new Fields(allowed, Set.of());
    decodeForm(body, fields);
    return fields.values;
  }

  static Map<String, String> decodeJson(byte[] body, Set<String> allowed) {
    Fields fields = new Fields(allowed, Set.of());
    decodeJson(body, fields);
    return fields.values;
  }

  private static void decodeForm(byte[] body, Fields fields) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return;
    }
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      fields.put(name, value);
    }
  }

  private static void decodeJson(byte[] body, Fields fields) {
    JsonNode root = JsonBody.parse(body, TREE);
    if (!root.isObject()) {
      throw ApiException.badRequest("malformed_json", "The body must be a JSON object.");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      if (value.isArray() && fields.isList(field.getKey())) {
        fields.putList(field.getKey());
        for (JsonNode element : value) {
          fields.put(field.getKey(), text(field.getKey(), element));
        }
      } else {
        fields.put(field.getKey(), text(field.getKey(), value));
      }
    }
  }

  private static String text(String name, JsonNode value) {
    if (!value.isTextual()) {
      throw ApiException.badRequest("invalid_type", "Field " + clip(name) + " must be a string.");
    }
    return value.textValue();
  }

  /** The fields read so far, under the rules of one handler. */
  private static final class Fields {
    private final Set<String> allowed;
    private final Set<String> listNames;
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, List<String>> lists = new LinkedHashMap<>();

    Fields(Set<String> allowed, Set<String> listNames) {
      this.allowed = allowed;
      this.listNames = listNames;
    }

    boolean isList(String name) {
      return listNames.contains(name);
    }

    /** A JSON array: present even when empty. */
    void putList(String name) {
      if (lists.putIfAbsent(name, new ArrayList<>()) != null) {
        throw ApiException.badRequest("repeated_field", "Field " + name + " is repeated.");
      }
    }

    void put(String name, String value) {
      if (isList(name)) {
        lists.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return;
      }
      if (!allowed.contains(name)) {
        throw ApiException.badRequest("unknown_field", "Unknown field: " + clip(name) + ".");
      }
      if (values.putIfAbsent(name, value) != null) {
        throw ApiException.badRequest("repeated_field", "Field " + name + " is repeated.");
      }
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
