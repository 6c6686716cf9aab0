package dev.newsroom.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.ratelimit.InMemoryRateLimiter;
import dev.newsroom.shared.MutableClock;
import dev.newsroom.web.ApiEvents;
import dev.newsroom.web.ClientAddress;
import dev.newsroom.shared.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendContactMessageHandlerTest {

  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final InMemoryContactMessageRepository repository =
      new InMemoryContactMessageRepository();
  private final ContactService service = new ContactService(repository,
      new InMemoryRateLimiter(), ContactSettings.of("editors@example.com", "180", "false"),
      new MutableClock(Instant.parse("2026-11-24T09:00:00Z")));
  private final SendContactMessageHandler handler =
      new SendContactMessageHandler(service, ClientAddress.direct());

  @Test
  void handleRequest_whenJson_answers202WithTheReference() throws Exception {
    APIGatewayV2HTTPResponse response = handler.handleRequest(post(JSON,
        "{\"name\":\"Ada\",\"email\":\"ada@example.org\",\"message\":\"Hello\","
            + "\"page\":\"/contact/\",\"website\":\"\"}", Map.of()), null);

    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
    Map<?, ?> body = Json.mapper().readValue(response.getBody(), Map.class);
    assertThat(body.get("status")).isEqualTo("received");
    assertThat(body.get("id")).isEqualTo(repository.messages().get(0).id());
    assertThat(repository.messages().get(0).ip()).isEqualTo("203.0.113.7");
    assertThat(repository.messages().get(0).userAgent()).isEqualTo("Mozilla/5.0 (test)");
  }

  @Test
  void handleRequest_whenFormPost_redirectsToTheThankYouPage() {
    APIGatewayV2HTTPResponse response = handler.handleRequest(post(
        FORM + "; charset=UTF-8",
        "name=Ada+L%C3%B6velace&email=ada%40example.org&subject=&message=Hi%0D%0Athere&website=",
        Map.of("referer", "https://news.example.com/contact/")), null);

    assertThat(response.getStatusCode()).isEqualTo(303);
    assertThat(response.getHeaders()).containsEntry("Location", "/contact/thanks/");
    assertThat(repository.messages()).singleElement().satisfies(m -> {
      assertThat(m.name()).isEqualTo("Ada Lövelace");
      assertThat(m.message()).isEqualTo("Hi\nthere");
      assertThat(m.page()).isEqualTo("https://news.example.com/contact/");
    });
  }

  @Test
  void handleRequest_whenHeaderInjectionInAForm_answers400AndStoresNothing() throws Exception {
    APIGatewayV2HTTPResponse response = handler.handleRequest(post(FORM,
        "name=Ada&email=ada%40example.org&subject=Hi%0D%0ABcc%3A+victim%40example.net"
            + "&message=Hi", Map.of()), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    Map<?, ?> error = (Map<?, ?>) Json.mapper().readValue(response.getBody(), Map.class)
        .get("error");
    assertThat(error.get("code")).isEqualTo("invalid_field");
    assertThat(error.get("field")).isEqualTo("subject");
    assertThat(repository.messages()).isEmpty();
    assertThat(repository.outbox()).isEmpty();
  }

  @Test
  void handleRequest_whenMessageOversize_answers400AndStoresNothing() {
    APIGatewayV2HTTPResponse response = handler.handleRequest(post(JSON,
        "{\"name\":\"Ada\",\"email\":\"ada@example.org\",\"message\":\"" + "x".repeat(5001)
            + "\"}", Map.of()), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getBody()).contains("\"field\":\"message\"");
    assertThat(repository.messages()).isEmpty();
  }

  @Test
  void handleRequest_whenUnknownFieldOrWrongType_answers400() {
    APIGatewayV2HTTPResponse unknown = handler.handleRequest(post(JSON,
        "{\"name\":\"Ada\",\"email\":\"ada@example.org\",\"message\":\"Hi\",\"cc\":\"x\"}",
        Map.of()), null);
    APIGatewayV2HTTPResponse wrongType = handler.handleRequest(post(JSON,
        "{\"name\":[\"Ada\"],\"email\":\"ada@example.org\",\"message\":\"Hi\"}", Map.of()), null);

    assertThat(unknown.getStatusCode()).isEqualTo(400);
    assertThat(unknown.getBody()).contains("unknown_field");
    assertThat(wrongType.getStatusCode()).isEqualTo(400);
    assertThat(repository.messages()).isEmpty();
  }

  @Test
  void handleRequest_whenOtherMediaType_answers415() {
    APIGatewayV2HTTPResponse response = handler.handleRequest(
        post("text/plain", "name=Ada", Map.of()), null);

    assertThat(response.getStatusCode()).isEqualTo(415);
  }

  @Test
  void handleRequest_whenSameIdempotencyKeyTwice_answersTheSameAndStoresOnce() {
    String body = "{\"name\":\"Ada\",\"email\":\"ada@example.org\",\"message\":\"Hello\"}";
    Map<String, String> key = Map.of("idempotency-key", "3f1c7e0a-5b8e-4c4e-9a51-2d7c9b0e6f11");

    APIGatewayV2HTTPResponse first = handler.handleRequest(post(JSON, body, key), null);
    APIGatewayV2HTTPResponse second = handler.handleRequest(post(JSON, body, key), null);

    assertThat(second.getStatusCode()).isEqualTo(202);
    assertThat(second.getBody()).isEqualTo(first.getBody());
    assertThat(repository.outbox()).hasSize(1);
  }

  @Test
  void handleRequest_whenRateLimited_answers429WithRetryAfter() {
    APIGatewayV2HTTPResponse last = null;
    for (int i = 0; i <= ContactService.PER_IP.max(); i++) {
      last = handler.handleRequest(post(JSON, "{\"name\":\"Ada\",\"email\":\"a" + i
          + "@example.org\",\"message\":\"Hello\"}", Map.of()), null);
    }

    assertThat(last.getStatusCode()).isEqualTo(429);
    assertThat(last.getHeaders()).containsKey("Retry-After");
    assertThat(Long.parseLong(last.getHeaders().get("Retry-After"))).isPositive();
    assertThat(repository.messages()).hasSize(ContactService.PER_IP.max());
  }

  @Test
  void handleRequest_whenBehindCloudFront_recordsAndCountsEachViewerApart() {
    String secret = "origin-verify-secret-for-this-test";
    SendContactMessageHandler edge =
        new SendContactMessageHandler(service, ClientAddress.behindCloudFront(secret));
    Map<String, String> first = Map.of("x-origin-verify", secret,
        "cloudfront-viewer-address", "198.51.100.1:50000");
    Map<String, String> second = Map.of("x-origin-verify", secret,
        "cloudfront-viewer-address", "2001:db8::2:50001");

    for (int i = 0; i < ContactService.PER_IP.max(); i++) {
      edge.handleRequest(post(JSON, "{\"name\":\"Ada\",\"email\":\"a" + i
          + "@example.org\",\"message\":\"Hello\"}", first), null);
    }
    APIGatewayV2HTTPResponse other = edge.handleRequest(post(JSON,
        "{\"name\":\"Bo\",\"email\":\"bo@example.org\",\"message\":\"Hi\"}", second), null);

    // Both viewers reach the API through the same edge (one sourceIp), yet each has its budget.
    assertThat(other.getStatusCode()).isEqualTo(202);
    assertThat(repository.messages()).extracting(ContactMessage::ip)
        .containsOnly("198.51.100.1", "2001:db8:0:0:0:0:0:2")
        .doesNotContain("203.0.113.7");
  }

  @Test
  void handleRequest_whenADirectCallerSpoofsTheViewerAddress_recordsItsRealAddress() {
    SendContactMessageHandler edge = new SendContactMessageHandler(service,
        ClientAddress.behindCloudFront("origin-verify-secret-for-this-test"));

    edge.handleRequest(post(JSON, "{\"name\":\"Ada\",\"email\":\"ada@example.org\","
        + "\"message\":\"Hello\"}", Map.of("cloudfront-viewer-address", "192.0.2.99:1234",
        "x-origin-verify", "a-guess")), null);

    assertThat(repository.messages()).extracting(ContactMessage::ip).containsExactly("203.0.113.7");
  }

  @Test
  void handleRequest_whenHoneypotFilled_answersLikeSuccess() {
    APIGatewayV2HTTPResponse json = handler.handleRequest(post(JSON,
        "{\"name\":\"Ada\",\"email\":\"ada@example.org\",\"message\":\"Hi\","
            + "\"website\":\"http://spam.example\"}", Map.of()), null);
    APIGatewayV2HTTPResponse form = handler.handleRequest(post(FORM,
        "name=Ada&email=ada%40example.org&message=Hi&website=spam", Map.of()), null);

    assertThat(json.getStatusCode()).isEqualTo(202);
    assertThat(json.getBody()).contains("\"status\":\"received\"");
    assertThat(form.getStatusCode()).isEqualTo(303);
    assertThat(repository.messages()).isEmpty();
    assertThat(repository.outbox()).isEmpty();
  }

  private static APIGatewayV2HTTPEvent post(String contentType, String body,
      Map<String, String> headers) {
    ApiEvents event = ApiEvents.request("POST", "/api/contact")
        .header("content-type", contentType).header("user-agent", "Mozilla/5.0 (test)")
        .body(body);
    headers.forEach(event::header);
    return event.build();
  }
}
