package dev.newsroom.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the SES v2 SendEmail API, so the real {@code SesMailer} runs unchanged in the dev
 * server: the SDK's SES endpoint points here, and what it receives is shown at {@code /_outbox}.
 * The SES adapter's behaviour against a real-protocol emulator is covered by the infra tests.
 */
public final class LocalSes {

  /** The path prefix the SDK endpoint is given; SendEmail lands on PREFIX/v2/email/outbound-emails. */
  public static final String PREFIX = "/_ses";

  /** One received email. */
  public record Sent(String id, Instant at, String from, List<String> to, List<String> replyTo,
      String subject, String text, String html, Map<String, String> headers) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  void serve(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals(PREFIX + "/v2/email/outbound-emails")
        || !"POST".equals(exchange.getRequestMethod())) {
      DevResponses.send(exchange, 404, "application/json", "{\"message\":\"not supported\"}");
      return;
    }
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    JsonNode simple = request.at("/Content/Simple");
    Map<String, String> headers = new LinkedHashMap<>();
    simple.path("Headers").forEach(h -> headers.put(h.path("Name").asText(),
        h.path("Value").asText()));
    String id = UUID.randomUUID().toString();
    sent.add(new Sent(id, Instant.now(), request.path("FromEmailAddress").asText(),
        strings(request.at("/Destination/ToAddresses")), strings(request.path("ReplyToAddresses")),
        simple.at("/Subject/Data").asText(), simple.at("/Body/Text/Data").asText(),
        simple.at("/Body/Html/Data").asText(), headers));
    DevResponses.send(exchange, 200, "application/json", "{\"MessageId\":\"" + id + "\"}");
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
