package dev.newsroom.subscriptions;

import static dev.newsroom.subscriptions.SubscriptionFixture.VISITOR;
import static dev.newsroom.subscriptions.SubscriptionFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.shared.StdoutCapture;
import dev.newsroom.shared.UnavailableException;
import dev.newsroom.web.ApiEvents;
import dev.newsroom.web.ClientAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreferencesHandlerTest {

  private static final String ADA = "ada@example.org";
  private static final String PATH = SubscriptionLinks.PREFERENCES_PATH;
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String JSON = "application/json";

  private final SubscriptionFixture f = new SubscriptionFixture();
  private final PreferencesService service =
      new PreferencesService(f.repository, f.signer, f.clock);
  private final PreferencesHandler handler =
      new PreferencesHandler(service, f.site, ClientAddress.direct());
  private final UnsubscribeHandler unsubscribe =
      new UnsubscribeHandler(f.subscriptions, f.site, ClientAddress.direct());

  @BeforeEach
  void confirmedSubscriber() {
    f.subscribe(ADA);
    f.confirm(f.lastConfirmationToken());
  }

  private String token() {
    return new SubscriptionLinks(SubscriptionFixture.SITE, f.signer).preferences(id(ADA),
        f.clock.now()).replaceFirst(".*\\?token=", "");
  }

  private Topics topics() {
    return f.repository.find(id(ADA)).orElseThrow().topics();
  }

  private APIGatewayV2HTTPResponse get(String token) {
    return handler.handleRequest(ApiEvents.request("GET", PATH).query("token", token)
        .header("accept", "text/html").build(), null);
  }

  private APIGatewayV2HTTPResponse post(String type, String body) {
    return handler.handleRequest(ApiEvents.request("POST", PATH).header("content-type", type)
        .header("accept", type.equals(FORM) ? "text/html" : JSON)
        .header("user-agent", "Mozilla/5.0 (test)").body(body).build(), null);
  }

  // ---------------------------------------------------------------- GET

  @Test
  void get_whenValidLink_showsTheChoicesWithTheCurrentOnesCheckedAndChangesNothing() {
    int writes = f.repository.applies();

    APIGatewayV2HTTPResponse r = get(token());

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getHeaders()).containsEntry("Cache-Control", "no-store")
        .containsEntry("Referrer-Policy", "no-referrer").containsEntry("X-Robots-Tag", "noindex");
    Document page = Jsoup.parse(r.getBody());
    assertThat(page.select("input[name=topics][value=all]").hasAttr("checked")).isTrue();
    assertThat(page.select("input[name=topics][value=tags]").hasAttr("checked")).isFalse();
    assertThat(page.select("form[action=" + PATH + "] input[name=token]").val())
        .isEqualTo(token());
    assertThat(f.repository.applies()).isEqualTo(writes);
  }

  @Test
  void get_whenFollowingTags_ticksThem() {
    service.change(token(), Topics.only(List.of("science", "local-news")), VISITOR);

    Document page = Jsoup.parse(get(token()).getBody());

    assertThat(page.select("input[name=topics][value=tags]").hasAttr("checked")).isTrue();
    assertThat(page.select("input[type=checkbox][name=tags][checked]").eachAttr("value"))
        .containsExactly("local-news", "science");
    assertThat(page.text()).contains("Local News");
  }

  @Test
  void get_pagesUnsubscribeButton_carriesAnUnsubscribeTokenThatWorks() {
    Document page = Jsoup.parse(get(token()).getBody());
    String unsubscribeToken = page.select("form[action=" + SubscriptionLinks.UNSUBSCRIBE_PATH
        + "] input[name=token]").val();

    assertThat(f.signer.verify(LinkSigner.Purpose.UNSUBSCRIBE, unsubscribeToken, f.clock.now()))
        .contains(id(ADA));
    APIGatewayV2HTTPResponse r = unsubscribe.handleRequest(ApiEvents.request("POST",
            SubscriptionLinks.UNSUBSCRIBE_PATH).header("content-type", FORM)
        .body("token=" + unsubscribeToken).build(), null);
    assertThat(r.getStatusCode()).isEqualTo(303);
    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.UNSUBSCRIBED);
  }

  @Test
  void get_whenForgedCrossPurposeOrExpired_answersTheInvalidPage() {
    String valid = token();
    String forged = valid.substring(0, valid.length() - 2)
        + (valid.endsWith("AA") ? "BB" : "AA");
    Instant year = f.clock.now().plus(Duration.ofDays(365));
    for (String token : List.of(forged, "", "x.y.z",
        f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null),
        f.signer.sign(LinkSigner.Purpose.ERASE, id(ADA), year),
        f.signer.sign(LinkSigner.Purpose.EXPORT, id(ADA), year))) {
      APIGatewayV2HTTPResponse r = get(token);

      assertThat(r.getStatusCode()).as(token).isEqualTo(404);
      assertThat(r.getBody()).as(token).contains("This link does not work")
          .doesNotContain("name=\"topics\"");
    }
    f.clock.advance(Duration.ofDays(365));
    assertThat(get(valid).getStatusCode()).isEqualTo(404);
  }

  @Test
  void get_whenUnsubscribedSince_saysSoWithoutAForm() {
    String token = token();
    f.subscriptions.unsubscribe(f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null),
        VISITOR, "page");

    APIGatewayV2HTTPResponse r = get(token);

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getBody()).contains("You are not subscribed").doesNotContain("<form");
  }

  @Test
  void preferencesToken_opensNoOtherLink() {
    String token = token();

    assertThat(unsubscribe.handleRequest(ApiEvents.request("POST",
            SubscriptionLinks.UNSUBSCRIBE_PATH).query("token", token)
        .header("content-type", FORM).body("List-Unsubscribe=One-Click").build(), null)
        .getStatusCode()).isEqualTo(404);
    assertThat(f.subscriptions.unsubscribe(token, VISITOR, "api")).isEqualTo(LinkState.INVALID);
    assertThat(f.data.eraseState(token)).isEqualTo(LinkState.INVALID);
    assertThat(f.data.exportState(token)).isEqualTo(LinkState.INVALID);
    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.CONFIRMED);
  }

  // ---------------------------------------------------------------- POST

  @Test
  void post_whenFormChoosesTags_savesThemLogsTheConsentAndShowsThePageAgain() {
    APIGatewayV2HTTPResponse r = post(FORM, "token=" + token()
        + "&topics=tags&tags=science&tags=climate&tags=Local-News%2C+sport");

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getBody()).contains(PreferencesHandler.SAVED);
    assertThat(topics()).isEqualTo(Topics.only(List.of("climate", "local-news", "science",
        "sport")));
    assertThat(f.repository.events(id(ADA))).last().satisfies(e -> {
      assertThat(e.type()).isEqualTo(ConsentEvent.Type.PREFERENCES);
      assertThat(e.detail()).isEqualTo("tags:climate,local-news,science,sport");
      assertThat(e.ip()).isEqualTo("203.0.113.7");
    });
    assertThat(Jsoup.parse(r.getBody()).select("input[type=checkbox][checked]").eachAttr("value"))
        .containsExactly("climate", "local-news", "science", "sport");
  }

  @Test
  void post_whenJson_answersJsonAndCanGoBackToAllNews() {
    post(JSON, "{\"token\":\"" + token() + "\",\"tags\":[\"science\"]}");
    assertThat(topics().tags()).containsExactly("science");

    APIGatewayV2HTTPResponse r = post(JSON, "{\"token\":\"" + token() + "\",\"topics\":\"all\"}");

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getBody()).isEqualTo("{\"status\":\"saved\"}");
    assertThat(topics()).isEqualTo(Topics.ALL);
  }

  @Test
  void post_whenTheSameChoiceAgain_writesNothing() {
    post(JSON, "{\"token\":\"" + token() + "\",\"tags\":[\"science\"]}");
    int writes = f.repository.applies();

    APIGatewayV2HTTPResponse r = post(JSON, "{\"token\":\"" + token()
        + "\",\"topics\":\"tags\",\"tags\":[\"Science\"]}");

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(f.repository.applies()).isEqualTo(writes);
  }

  @Test
  void post_whenBadTopics_answers400AndChangesNothing() {
    post(JSON, "{\"token\":\"" + token() + "\",\"tags\":[\"science\"]}");
    int writes = f.repository.applies();
    for (String body : List.of(
        "{\"token\":\"" + token() + "\",\"tags\":[\"science\",\"not a tag\"]}",
        "{\"token\":\"" + token() + "\",\"topics\":\"tags\",\"tags\":[]}",
        "{\"token\":\"" + token() + "\",\"topics\":\"tags\"}",
        "{\"token\":\"" + token() + "\",\"topics\":\"some\"}",
        "{\"token\":\"" + token() + "\",\"tags\":[\"" + "x".repeat(41) + "\"]}",
        "{\"token\":\"" + token() + "\",\"tags\":[7]}",
        "{\"token\":\"" + token() + "\",\"admin\":true}")) {
      APIGatewayV2HTTPResponse r = post(JSON, body);

      assertThat(r.getStatusCode()).as(body).isEqualTo(400);
      assertThat(r.getBody()).as(body).startsWith("{\"error\":{\"code\":");
    }
    APIGatewayV2HTTPResponse form = post(FORM, "token=" + token() + "&topics=tags&tags=%3Cb%3E");
    assertThat(form.getStatusCode()).isEqualTo(400);
    assertThat(form.getHeaders().get("Content-Type")).startsWith("text/html");
    assertThat(f.repository.applies()).isEqualTo(writes);
    assertThat(topics().tags()).containsExactly("science");
  }

  @Test
  void post_whenForgedCrossPurposeOrExpiredLink_answers404AndChangesNothing() {
    String valid = token();
    String forged = valid.substring(0, valid.length() - 2)
        + (valid.endsWith("AA") ? "BB" : "AA");
    String unsubscribeToken = f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null);
    int writes = f.repository.applies();
    for (String token : List.of(forged, unsubscribeToken, "")) {
      APIGatewayV2HTTPResponse r = post(JSON, "{\"token\":\"" + token
          + "\",\"tags\":[\"science\"]}");

      assertThat(r.getStatusCode()).as(token).isEqualTo(404);
      assertThat(r.getBody()).as(token).contains("invalid_link");
    }
    f.clock.advance(SubscriptionLinks.PREFERENCES_LIFETIME);
    assertThat(post(JSON, "{\"token\":\"" + valid + "\",\"tags\":[\"science\"]}")
        .getStatusCode()).isEqualTo(404);
    assertThat(post(FORM, "token=" + valid + "&tags=science").getBody())
        .contains("This link does not work");
    assertThat(f.repository.applies()).isEqualTo(writes);
    assertThat(topics()).isEqualTo(Topics.ALL);
  }

  @Test
  void post_whenNoLongerSubscribed_answers409OrTheNotSubscribedPage() {
    String token = token();
    f.subscriptions.unsubscribe(f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(ADA), null),
        VISITOR, "page");
    int writes = f.repository.applies();

    APIGatewayV2HTTPResponse json = post(JSON, "{\"token\":\"" + token
        + "\",\"tags\":[\"science\"]}");
    APIGatewayV2HTTPResponse form = post(FORM, "token=" + token + "&tags=science");

    assertThat(json.getStatusCode()).isEqualTo(409);
    assertThat(json.getBody()).contains("not_subscribed");
    assertThat(form.getStatusCode()).isEqualTo(200);
    assertThat(form.getBody()).contains("You are not subscribed");
    assertThat(f.repository.applies()).isEqualTo(writes);
  }

  @Test
  void post_whenEveryWriteLosesARace_answers503AndChangesNothing() {
    f.repository.loseEveryRace();

    APIGatewayV2HTTPResponse r = post(JSON, "{\"token\":\"" + token()
        + "\",\"tags\":[\"science\"]}");

    assertThat(r.getStatusCode()).isEqualTo(503);
    assertThat(topics()).isEqualTo(Topics.ALL);
  }

  @Test
  void change_whenEveryWriteLosesARace_triesMaxAttemptsTimes() {
    f.repository.loseEveryRace();
    int writes = f.repository.applies();

    assertThatThrownBy(() -> service.change(token(), Topics.only(List.of("science")), VISITOR))
        .isInstanceOf(UnavailableException.class);
    assertThat(f.repository.applies() - writes).isEqualTo(SubscriptionService.MAX_ATTEMPTS);
  }

  @Test
  void change_logsTheChoiceShapeUnderTheSubscriberIdOnly() {
    try (StdoutCapture out = StdoutCapture.start()) {
      service.change(token(), Topics.only(List.of("science", "culture")), VISITOR);
      service.change(token(), Topics.ALL, VISITOR);

      assertThat(out.json()).filteredOn(line -> line.path("event").asText()
              .equals("subscription.preferences"))
          .extracting(line -> line.path("subscriberId").asText() + " "
              + line.path("outcome").asText() + " " + line.path("tags").asInt())
          .containsExactly(id(ADA) + " tags 2", id(ADA) + " all 0");
      assertThat(out.lines()).noneMatch(line -> line.contains("science"));
    }
  }
}
