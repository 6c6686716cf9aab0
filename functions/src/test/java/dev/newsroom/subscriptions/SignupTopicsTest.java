package dev.newsroom.subscriptions;

import static dev.newsroom.subscriptions.SubscriptionFixture.VISITOR;
import static dev.newsroom.subscriptions.SubscriptionFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.shared.ValidationException;
import dev.newsroom.web.ApiEvents;
import dev.newsroom.web.ClientAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Topics chosen at signup, through the service and through both kinds of form. */
class SignupTopicsTest {

  private static final String ADA = "ada@example.org";

  private final SubscriptionFixture f = new SubscriptionFixture();
  private final SubscribeHandler handler =
      new SubscribeHandler(f.subscriptions, f.site, ClientAddress.direct());

  private void subscribe(String address, String choice, List<String> tags) {
    f.subscriptions.subscribe(new SignupRequest(address, "", "/", "", null, VISITOR,
        SubscriptionFixture.SITE, choice, tags));
  }

  private Topics topicsOf(String address) {
    return f.repository.find(id(address)).orElseThrow().topics();
  }

  @Test
  void subscribe_whenNoTopicsGiven_followsAllNews() {
    f.subscribe(ADA);

    assertThat(topicsOf(ADA)).isEqualTo(Topics.ALL);
  }

  @Test
  void subscribe_whenTagsGiven_followsOnlyThose() {
    subscribe(ADA, "", List.of("Science", "climate"));

    assertThat(topicsOf(ADA)).isEqualTo(Topics.only(List.of("science", "climate")));
  }

  @Test
  void subscribe_whenABadTag_refusesAndStoresAndSendsNothing() {
    assertThatThrownBy(() -> subscribe(ADA, "", List.of("science", "<b>x</b>")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> subscribe(ADA, "tags", List.of()))
        .isInstanceOf(ValidationException.class);

    assertThat(f.repository.find(id(ADA))).isEmpty();
    assertThat(f.repository.emails()).isEmpty();
    assertThat(f.repository.applies()).isZero();
  }

  @Test
  void subscribe_whenPendingSignsUpAgain_takesTheLatestTopics() {
    subscribe(ADA, "", List.of("science"));
    f.clock.advance(SubscriptionService.RESEND_AFTER);

    subscribe(ADA, "all", List.of());

    assertThat(topicsOf(ADA)).isEqualTo(Topics.ALL);
  }

  @Test
  void subscribe_whenConfirmed_neverChangesTheTopics() {
    subscribe(ADA, "", List.of("science"));
    f.confirm(f.lastConfirmationToken());
    f.clock.advance(SubscriptionService.RESEND_AFTER);

    // anyone can type an address into the form: it must not rewrite what its owner chose
    subscribe(ADA, "", List.of("sport"));

    assertThat(topicsOf(ADA)).isEqualTo(Topics.only(List.of("science")));
  }

  @Test
  void subscribe_whenUnsubscribedSignsUpAgain_takesTheNewTopics() {
    subscribe(ADA, "", List.of("science"));
    f.subscriptions.unsubscribe(f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null),
        VISITOR, "page");

    subscribe(ADA, "", List.of("sport"));

    assertThat(topicsOf(ADA)).isEqualTo(Topics.only(List.of("sport")));
  }

  @Test
  void handler_whenJsonArrayOfTags_followsThem() {
    APIGatewayV2HTTPResponse r = handler.handleRequest(post("application/json",
        "{\"email\":\"ada@example.org\",\"tags\":[\"science\",\"climate\"]}"), null);

    assertThat(r.getStatusCode()).isEqualTo(202);
    assertThat(topicsOf(ADA).tags()).containsExactly("climate", "science");
  }

  @Test
  void handler_whenFormWithTickedBoxes_followsThem() {
    APIGatewayV2HTTPResponse r = handler.handleRequest(post("application/x-www-form-urlencoded",
        "email=ada%40example.org&topics=tags&tags=science&tags=climate"), null);

    assertThat(r.getStatusCode()).isEqualTo(303);
    assertThat(topicsOf(ADA).tags()).containsExactly("climate", "science");
  }

  @Test
  void handler_whenFormChoosesAllNewsWithBoxesStillTicked_followsAllNews() {
    handler.handleRequest(post("application/x-www-form-urlencoded",
        "email=ada%40example.org&topics=all&tags=science"), null);

    assertThat(topicsOf(ADA)).isEqualTo(Topics.ALL);
  }

  @Test
  void handler_whenBadTagsOrTagsNotStrings_answers400AndStoresNothing() {
    for (String body : List.of(
        "{\"email\":\"ada@example.org\",\"tags\":[\"no spaces\"]}",
        "{\"email\":\"ada@example.org\",\"tags\":[1]}",
        "{\"email\":\"ada@example.org\",\"tags\":[[\"science\"]]}",
        "{\"email\":\"ada@example.org\",\"tags\":{\"a\":\"science\"}}",
        "{\"email\":\"ada@example.org\",\"topics\":\"tags\",\"tags\":[]}",
        "{\"email\":\"ada@example.org\",\"topics\":[\"all\"]}",
        "{\"email\":\"ada@example.org\",\"topics\":\"everything\"}")) {
      APIGatewayV2HTTPResponse r = handler.handleRequest(post("application/json", body), null);

      assertThat(r.getStatusCode()).as(body).isEqualTo(400);
      assertThat(r.getBody()).as(body).startsWith("{\"error\":{\"code\":");
    }
    assertThat(f.repository.applies()).isZero();
  }

  private static APIGatewayV2HTTPEvent post(String type, String body) {
    return ApiEvents.request("POST", "/api/subscriptions").header("content-type", type)
        .header("user-agent", "Mozilla/5.0 (test)").body(body).build();
  }
}
