package dev.newsroom.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.devserver.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * template.yaml and openapi.yaml as the tests read them, at test time, so that every route and
 * function that lands is covered without editing a list. YAML tags are dropped on reading:
 * {@code !Ref X} reads as "X", {@code !GetAtt A.B} as "A.B", {@code !If [c, a, b]} as a list.
 */
public final class Templates {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One HTTP route: where it is, who serves it, whether it is an editor door. */
  public record Route(String method, String path, String functionId, String handlerClass) {

    public boolean admin() {
      return path.startsWith("/api/admin/");
    }

    public String key() {
      return method + " " + path;
    }

    /** The names of {@code {param}} segments, in order. */
    public List<String> pathParameters() {
      List<String> names = new ArrayList<>();
      var m = java.util.regex.Pattern.compile("\\{([A-Za-z0-9_]+)\\+?}").matcher(path);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }
  }

  private Templates() {}

  public static Path repoRoot() {
    String configured = System.getProperty("newsroom.repoRoot");
    Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  public static SamTemplate sam() {
    try {
      return SamTemplate.read(repoRoot().resolve("template.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The raw template tree. */
  public static JsonNode template() {
    return read(repoRoot().resolve("template.yaml")).orElseThrow();
  }

  /** openapi.yaml at the repository root, when it exists. */
  public static Optional<JsonNode> openApi() {
    return read(repoRoot().resolve("openapi.yaml"));
  }

  private static Optional<JsonNode> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(YAML.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every HttpApi route of every function. */
  public static List<Route> routes() {
    return sam().routes().stream()
        .map(r -> new Route(r.method(), r.path(), r.functionId(), r.handlerClass())).toList();
  }

  /** Logical id to Properties of each resource of {@code type}. */
  public static Map<String, JsonNode> resources(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    template().path("Resources").fields().forEachRemaining(e -> {
      if (type.equals(e.getValue().path("Type").asText())) {
        found.put(e.getKey(), e.getValue().path("Properties"));
      }
    });
    return found;
  }

  /** "METHOD /path" of every operation in openapi.yaml (empty when there is none yet). */
  public static Set<String> openApiRoutes() {
    Set<String> keys = new LinkedHashSet<>();
    openApi().ifPresent(api -> api.path("paths").fields().forEachRemaining(path ->
        path.getValue().fieldNames().forEachRemaining(method -> {
          if (Set.of("get", "put", "post", "delete", "patch", "head", "options")
              .contains(method)) {
            keys.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
          }
        })));
    return keys;
  }

  /**
   * Field names the API knows: every property name in openapi.yaml's schemas, when it exists, plus
   * the names the handlers read today. Generators use them so random bodies reach validation.
   */
  public static Set<String> knownFieldNames() {
    Set<String> names = new LinkedHashSet<>(List.of("title", "summary", "body", "bodyFormat",
        "author", "tags", "heroImage", "url", "alt", "publishedAt", "email", "name", "subject",
        "message", "page", "website", "token", "consent", "topics", "status", "reason"));
    openApi().ifPresent(api -> collectProperties(api, names));
    return names;
  }

  private static void collectProperties(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      JsonNode properties = node.get("properties");
      if (properties != null && properties.isObject()) {
        properties.fieldNames().forEachRemaining(names::add);
      }
      node.elements().forEachRemaining(child -> collectProperties(child, names));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectProperties(child, names));
    }
  }

  /** Query parameter names: openapi.yaml's, when it exists, plus the ones handlers read today. */
  public static Set<String> knownQueryNames() {
    Set<String> names = new LinkedHashSet<>(List.of("limit", "cursor", "tag", "status", "token",
        "email", "action"));
    openApi().ifPresent(api -> api.findValues("parameters").forEach(list -> list.forEach(p -> {
      if ("query".equals(p.path("in").asText())) {
        names.add(p.path("name").asText());
      }
    })));
    return names;
  }
}
