package dev.newsroom.subscriptions;

import static dev.newsroom.subscriptions.SubscriptionFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.web.ApiEvents;
import dev.newsroom.web.ClientAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/api-input.md for links with tokens: where a POST's token may be, a repeated
 * erase, and what a spent confirmation link answers.
 */
class LinkTokenRulesTest {

  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final SubscriptionFixture f = new SubscriptionFixture();
  private final ConfirmSubscriptionHandler confirm =
      new ConfirmSubscriptionHandler(f.subscriptions, f.site, ClientAddress.direct());
  private final UnsubscribeHandler unsubscribe =
      new UnsubscribeHandler(f.subscriptions, f.site, ClientAddress.direct());
  private final ExportSubscriberDataHandler export =
      new ExportSubscriberDataHandler(f.data, f.site);
  private final EraseSubscriberDataHandler erase = new EraseSubscriberDataHandler(f.data, f.site);

  @Test
  void post_whenTheBodyCarriesAnythingButTheQuerysToken_refusesAndChangesNothing() {
    f.subscribe("ada@example.org");
    String token = f.lastConfirmationToken();
    String other = "x".repeat(43);

    for (String[] body : List.of(new String[] {JSON, "{\"token\":\"" + other + "\"}"},
        new String[] {FORM, "token=" + other}, new String[] {FORM, "token="},
        new String[] {FORM, "garbage"},
        new String[] {JSON, "{\"token\":\"" + token + "\",\"extra\":\"1\"}"},
        new String[] {JSON, "not json"}, new String[] {"text/plain", "hello"})) {
      APIGatewayV2HTTPResponse r = confirm.handleRequest(withQuery("/api/subscriptions/confirm",
          token, body[0], body[1]), null);

      assertThat(r.getStatusCode()).as(body[1]).isIn(400, 404, 415);
    }
    APIGatewayV2HTTPResponse conflict = confirm.handleRequest(withQuery(
        "/api/subscriptions/confirm", token, JSON, "{\"token\":\"" + other + "\"}"), null);
    assertThat(conflict.getStatusCode()).isEqualTo(404);
    assertThat(ApiEvents.json(conflict).at("/error/code").asText()).isEqualTo("invalid_link");
    assertThat(f.repository.find(id("ada@example.org")).orElseThrow().status())
        .isEqualTo(SubscriberStatus.PENDING);
  }

  @Test
  void post_whenTheBodysTokenEqualsTheQuerys_acts() {
    f.subscribe("ada@example.org");
    String token = f.lastConfirmationToken();

    APIGatewayV2HTTPResponse r = confirm.handleRequest(withQuery("/api/subscriptions/confirm",
        token, JSON, "{\"token\":\"" + token + "\"}"), null);

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(f.repository.find(id("ada@example.org")).orElseThrow().status())
        .isEqualTo(SubscriberStatus.CONFIRMED);
  }

  @Test
  void erase_whenTheQueryHasAValidTokenAndTheBodyAnother_refusesAndKeepsTheData() {
    f.subscribe("ada@example.org");
    String token = eraseToken("ada@example.org");

    APIGatewayV2HTTPResponse r = erase.handleRequest(withQuery("/api/subscriptions/erase", token,
        FORM, "token=forged"), null);

    assertThat(r.getStatusCode()).isEqualTo(404);
    assertThat(f.repository.find(id("ada@example.org")).orElseThrow().email())
        .isEqualTo("ada@example.org");
  }

  @Test
  void post_withNeitherTokenNorBody_isAnInvalidLinkNot415() {
    for (var handler : List.of(confirm, export, erase, unsubscribe)) {
      APIGatewayV2HTTPResponse r = handler.handleRequest(ApiEvents.request("POST",
          "/api/subscriptions/x").build(), null);

      assertThat(r.getStatusCode()).as(handler.getClass().getSimpleName()).isEqualTo(404);
      assertThat(ApiEvents.json(r).at("/error/code").asText()).isEqualTo("invalid_link");
    }
  }

  @Test
  void unsubscribe_oneClickBodiesWithoutAToken_areAnInvalidLink() {
    String boundary = "b0undary";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; "
        + "name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--" + boundary + "--\r\n";

    APIGatewayV2HTTPResponse form = unsubscribe.handleRequest(ApiEvents.request("POST",
        "/api/subscriptions/unsubscribe").header("content-type", FORM)
        .body("List-Unsubscribe=One-Click").build(), null);
    APIGatewayV2HTTPResponse multi = unsubscribe.handleRequest(ApiEvents.request("POST",
        "/api/subscriptions/unsubscribe")
        .header("content-type", "multipart/form-data; boundary=" + boundary)
        .bytes(multipart.getBytes(StandardCharsets.UTF_8)).build(), null);

    assertThat(form.getStatusCode()).isEqualTo(404);
    assertThat(multi.getStatusCode()).isEqualTo(404);
  }

  @Test
  void erase_whenRepeated_changesNothing() {
    f.subscribe("ada@example.org");
    String token = eraseToken("ada@example.org");
    f.data.erase(token);
    Subscriber tombstone = f.repository.find(id("ada@example.org")).orElseThrow();
    f.clock.advance(Duration.ofMinutes(5));

    assertThat(f.data.erase(token)).isEqualTo(LinkState.DONE);

    assertThat(f.repository.find(id("ada@example.org")).orElseThrow()).isEqualTo(tombstone);
    var exported = ExportSubscriberDataHandler.json(f.data.export(f.signer.sign(
        LinkSigner.Purpose.EXPORT, id("ada@example.org"), f.clock.now().plusSeconds(60)))
        .orElseThrow());
    @SuppressWarnings("unchecked")
    var subscription = (java.util.Map<String, Object>) exported.get("subscription");
    assertThat(subscription.get("createdAt")).isEqualTo(subscription.get("erasedAt"));
  }

  @Test
  void confirm_aSpentLink_saysConfirmedWhileItLivesAndIs404AfterItsHours() {
    f.subscribe("ada@example.org");
    String token = f.lastConfirmationToken();
    f.confirm(token);

    assertThat(f.subscriptions.confirmationState(token)).isEqualTo(LinkState.DONE);
    f.clock.advance(Duration.ofHours(48));

    assertThat(f.subscriptions.confirmationState(token)).isEqualTo(LinkState.INVALID);
    APIGatewayV2HTTPResponse r = confirm.handleRequest(withQuery("/api/subscriptions/confirm",
        token, JSON, ""), null);
    assertThat(r.getStatusCode()).isEqualTo(404);
    assertThat(f.repository.find(id("ada@example.org")).orElseThrow().status())
        .isEqualTo(SubscriberStatus.CONFIRMED);
  }

  private String eraseToken(String address) {
    return f.signer.sign(LinkSigner.Purpose.ERASE, id(address), f.clock.now().plusSeconds(600));
  }

  private static APIGatewayV2HTTPEvent withQuery(String path, String token, String type,
      String body) {
    return ApiEvents.request("POST", path).query("token", token).header("content-type", type)
        .body(body).build();
  }
}
