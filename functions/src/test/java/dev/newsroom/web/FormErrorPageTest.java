package dev.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.shared.RateLimitedException;
import dev.newsroom.shared.UnavailableException;
import dev.newsroom.shared.ValidationException;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A browser's plain form post that fails gets a page; every other caller keeps the JSON error. */
class FormErrorPageTest {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

  @Test
  void handleRequest_whenBrowserFormPostIsInvalid_answers400PageWithTheEscapedReason() {
    // given a validation message that quotes markup
    APIGatewayV2HTTPResponse response = HttpHandlerTest.handler(r -> {
      throw new ValidationException("email", "Give <b>an</b> address & \"try\" again.");
    }).handleRequest(post(FORM, BROWSER), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8")
        .containsEntry("Cache-Control", "no-store");
    assertThat(response.getBody()).contains(">" + FormErrorPage.HEADLINE + "</h1>")
        .contains("Give &lt;b&gt;an&lt;/b&gt; address &amp; &quot;try&quot; again.")
        .doesNotContain("<b>");
  }

  @Test
  void handleRequest_whenBrowserFormPostIsRateLimited_keepsStatusAndRetryAfter() {
    APIGatewayV2HTTPResponse response = HttpHandlerTest.handler(r -> {
      throw new RateLimitedException(Duration.ofSeconds(90));
    }).handleRequest(post(FORM, BROWSER), null);

    assertThat(response.getStatusCode()).isEqualTo(429);
    assertThat(response.getHeaders()).containsEntry("Retry-After", "90")
        .containsEntry("Content-Type", "text/html; charset=utf-8");
    assertThat(response.getBody()).contains("Too many requests. Try again later.");
  }

  @Test
  void handleRequest_whenBrowserFormPostMeetsAnOutage_showsOnlyTheGenericReason() {
    APIGatewayV2HTTPResponse response = HttpHandlerTest.handler(r -> {
      throw new UnavailableException("table newsroom-prod-subscribers throttled", null);
    }).handleRequest(post(FORM, BROWSER), null);

    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(response.getBody()).contains("The service is busy. Try again shortly.")
        .doesNotContain("newsroom-prod");
  }

  @Test
  void handleRequest_whenFetchOrApiClientFails_keepsTheJsonError() {
    Function<HttpRequest, HttpResponse> invalid = r -> {
      throw new ValidationException("email", "Give an address.");
    };

    APIGatewayV2HTTPResponse json = HttpHandlerTest.handler(invalid)
        .handleRequest(post("application/json", "application/json"), null);
    APIGatewayV2HTTPResponse formWithoutHtml = HttpHandlerTest.handler(invalid).handleRequest(post(FORM, "*/*"),
        null);

    assertThat(ApiEvents.json(json).at("/error/field").asText()).isEqualTo("email");
    assertThat(ApiEvents.json(formWithoutHtml).at("/error/code").asText())
        .isEqualTo("invalid_field");
  }

  private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent post(
      String contentType, String accept) {
    return ApiEvents.request("POST", "/api/subscriptions").header("content-type", contentType)
        .header("accept", accept).body("email=x").build();
  }
}
