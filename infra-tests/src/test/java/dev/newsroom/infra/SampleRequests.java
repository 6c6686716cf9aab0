package dev.newsroom.infra;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.shared.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A request each route should accept, for tests that need to get past validation: the route's
 * sample event from events/ (the replay plan in events/index.json, with a real editor key), or,
 * for a route without one yet, a request built from its template path.
 */
public final class SampleRequests {

  private static final String ARTICLE = "{\"title\":\"Sample\",\"author\":\"Infra\","
      + "\"body\":\"Sample *text*.\",\"tags\":[\"sample\"]}";

  /** Sample events carry fields the event class does not model; they are not ours to refuse. */
  private static final ObjectMapper LENIENT = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private SampleRequests() {}

  public static APIGatewayV2HTTPEvent acceptable(Templates.Route route, String editorKey) {
    return fromEvents(route, editorKey).orElseGet(() -> synthesized(route, editorKey));
  }

  private static Optional<APIGatewayV2HTTPEvent> fromEvents(Templates.Route route,
      String editorKey) {
    Path events = Templates.repoRoot().resolve("events");
    Path index = events.resolve("index.json");
    if (!Files.exists(index)) {
      return Optional.empty();
    }
    try {
      JsonNode plan = Json.mapper().readTree(index.toFile());
      for (JsonNode entry : plan.path("events")) {
        int status = entry.path("status").asInt(0);
        if (!entry.path("function").asText().equals(route.functionId())
            || status < 200 || status >= 300) {
          continue;
        }
        String json = Files.readString(events.resolve(entry.path("file").asText()))
            .replace("${EDITOR_KEY}", editorKey);
        APIGatewayV2HTTPEvent event = LENIENT.readValue(json, APIGatewayV2HTTPEvent.class);
        if (route.key().equals(event.getRouteKey())) {
          return Optional.of(event);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static APIGatewayV2HTTPEvent synthesized(Templates.Route route, String editorKey) {
    ApiCall call = ApiCall.to(route);
    route.pathParameters().forEach(name -> call.path(name, "sample-article"));
    if (route.admin()) {
      call.bearer(editorKey);
    }
    if (route.method().equals("PUT") && route.path().startsWith("/api/admin/articles/")) {
      call.json(ARTICLE);
    }
    return call.event();
  }
}
