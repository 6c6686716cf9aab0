package dev.newsroom.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.web.ClientAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The topics sample events (signup with a tag, the preferences page and its form) against the
 * handlers: as they are (a stand-in token, 404, as events/index.json says), and with a real token.
 */
class PreferencesSampleEventsTest {

  private static final ObjectMapper EVENTS = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final String STAND_IN = "4tWOeb86mpwvdzloOK-6ywt9bQp_tDYbPD7wWsGhSGU"
      + ".1799139600.SampleSignatureAAAAAAA";
  private static final String READER = "reader@example.org";

  private final SubscriptionFixture f = new SubscriptionFixture();
  private final SubscribeHandler subscribe =
      new SubscribeHandler(f.subscriptions, f.site, ClientAddress.direct());
  private final PreferencesHandler preferences = new PreferencesHandler(
      new PreferencesService(f.repository, f.signer, f.clock), f.site, ClientAddress.direct());

  PreferencesSampleEventsTest() {
    f.clock.advance(Duration.between(f.clock.now(), Instant.parse("2026-01-05T09:00:00Z")));
  }

  @Test
  void sampleEvents_asTheyAre_answerAsEventsIndexSays() throws Exception {
    assertThat(subscribe.handleRequest(http("subscribe-topics.json", ""), null)
        .getStatusCode()).isEqualTo(202);
    assertThat(f.repository.find(f.id(READER)).orElseThrow().topics())
        .isEqualTo(Topics.only(List.of("climate")));
    for (String file : List.of("preferences-page.json", "preferences.json")) {
      APIGatewayV2HTTPResponse r = preferences.handleRequest(http(file, ""), null);

      assertThat(r.getStatusCode()).as(file).isEqualTo(404);
      assertThat(r.getHeaders().get("Content-Type")).as(file).startsWith("text/html");
    }
  }

  @Test
  void sampleEvents_withARealToken_showAndChangeTheTopics() throws Exception {
    subscribe.handleRequest(http("subscribe-topics.json", ""), null);
    f.confirm(f.lastConfirmationToken());
    String token = new SubscriptionLinks(SubscriptionFixture.SITE, f.signer)
        .preferences(f.id(READER), f.clock.now()).replaceFirst(".*\\?token=", "");

    APIGatewayV2HTTPResponse page = preferences.handleRequest(
        http("preferences-page.json", token), null);
    APIGatewayV2HTTPResponse saved = preferences.handleRequest(
        http("preferences.json", token), null);

    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(page.getBody()).contains("value=\"climate\" checked");
    assertThat(saved.getStatusCode()).isEqualTo(200);
    assertThat(f.repository.find(f.id(READER)).orElseThrow().topics())
        .isEqualTo(Topics.only(List.of("climate", "local-news", "science")));
  }

  private static APIGatewayV2HTTPEvent http(String file, String token) throws Exception {
    String json = Files.readString(Path.of("..", "events").resolve(file));
    if (!token.isEmpty()) {
      assertThat(json).as(file).contains(STAND_IN);
      json = json.replace(STAND_IN, token);
    }
    return EVENTS.readValue(json, APIGatewayV2HTTPEvent.class);
  }
}
