package dev.newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.devserver.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One API Gateway HTTP API (payload v2) event per route, as JSON. A sample from the repo's
 * {@code events/} folder is used when one names the route in its {@code routeKey}; otherwise a
 * plain one is built. Either way the path names the given article and admin routes carry the
 * bench's editor key, so every cold start measures the successful path.
 */
final class SampleEvents {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)\\+?}");

  private SampleEvents() {}

  static String event(Path repo, SamTemplate.Route route, String slug, String editorKey)
      throws Exception {
    ObjectNode event = fromRepo(repo, route).orElseGet(() -> built(route));
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(route.path());
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String value = m.group(1).equals("slug") ? slug : "sample";
      params.put(m.group(1), value);
      m.appendReplacement(path, value);
    }
    m.appendTail(path);
    if (!params.isEmpty()) {
      event.set("pathParameters", JSON.valueToTree(params));
    }
    event.put("rawPath", path.toString());
    ((ObjectNode) event.with("requestContext").with("http")).put("path", path.toString());
    ObjectNode headers = event.with("headers");
    if (route.path().startsWith("/api/admin/")) {
      headers.put("authorization", "Bearer " + editorKey);
    }
    if (route.method().equals("PUT") && !event.hasNonNull("body")) {
      headers.put("content-type", "application/json");
      event.put("body", BenchWorld.seedJson());
    }
    return JSON.writeValueAsString(event);
  }

  private static Optional<ObjectNode> fromRepo(Path repo, SamTemplate.Route route)
      throws IOException {
    Path dir = repo.resolve("events");
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    String routeKey = route.method() + " " + route.path();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode node = JSON.readTree(file.toFile());
        if (node instanceof ObjectNode object && routeKey.equals(node.path("routeKey").asText())) {
          return Optional.of(object);
        }
      }
    }
    return Optional.empty();
  }

  private static ObjectNode built(SamTemplate.Route route) {
    ObjectNode event = JSON.createObjectNode();
    String routeKey = route.method() + " " + route.path();
    event.put("version", "2.0");
    event.put("routeKey", routeKey);
    event.put("rawQueryString", "");
    event.putObject("headers").put("user-agent", "bench");
    ObjectNode context = event.putObject("requestContext");
    context.put("routeKey", routeKey);
    context.put("stage", "$default");
    context.put("requestId", "bench");
    ObjectNode http = context.putObject("http");
    http.put("method", route.method());
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", "127.0.0.1");
    http.put("userAgent", "bench");
    event.put("isBase64Encoded", false);
    return event;
  }
}
