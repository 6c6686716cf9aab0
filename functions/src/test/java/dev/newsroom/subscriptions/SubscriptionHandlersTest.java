package dev.newsroom.subscriptions;

import static dev.newsroom.subscriptions.SubscriptionFixture.VISITOR;
import static dev.newsroom.subscriptions.SubscriptionFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.web.ApiEvents;
import dev.newsroom.web.ClientAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionHandlersTest {

  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final SubscriptionFixture f = new SubscriptionFixture();
  private final SubscribeHandler subscribe =
      new SubscribeHandler(f.subscriptions, f.site, ClientAddress.direct());
  private final ConfirmSubscriptionHandler confirm =
      new ConfirmSubscriptionHandler(f.subscriptions, f.site, ClientAddress.direct());
  private final UnsubscribeHandler unsubscribe =
      new UnsubscribeHandler(f.subscriptions, f.site, ClientAddress.direct());
  private final RequestSubscriberDataHandler dataRequest =
      new RequestSubscriberDataHandler(f.data, f.site, ClientAddress.direct());
  private final ExportSubscriberDataHandler export =
      new ExportSubscriberDataHandler(f.data, f.site);
  private final EraseSubscriberDataHandler erase = new EraseSubscriberDataHandler(f.data, f.site);

  // ---------------------------------------------------------------- POST /api/subscriptions

  @Test
  void subscribe_whenJson_answers202AndWhenForm303ToTheThankYouPage() {
    APIGatewayV2HTTPResponse json = subscribe.handleRequest(post("/api/subscriptions", JSON,
        "{\"email\":\"ada@example.org\",\"page\":\"/\",\"website\":\"\"}"), null);
    APIGatewayV2HTTPResponse form = subscribe.handleRequest(post("/api/subscriptions", FORM,
        "email=bob%40example.org&page=%2F&website="), null);

    assertThat(json.getStatusCode()).isEqualTo(202);
    assertThat(json.getBody()).isEqualTo("{\"status\":\"received\"}");
    assertThat(json.getHeaders()).containsEntry("Cache-Control", "no-store");
    assertThat(form.getStatusCode()).isEqualTo(303);
    assertThat(form.getHeaders()).containsEntry("Location", "/subscribe/thanks/");
    assertThat(f.count(SubscriptionEmails.CONFIRMATION)).isEqualTo(2);
  }

  @Test
  void subscribe_answersTheSameForEveryStateOfTheAddress() {
    // new, pending, confirmed, unsubscribed, suppressed, erased: six addresses in six states
    f.subscribe("pending@example.org");
    f.subscribe("confirmed@example.org");
    f.confirm(f.lastConfirmationToken());
    f.subscribe("unsubscribed@example.org");
    f.subscriptions.unsubscribe(f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE,
        id("unsubscribed@example.org"), null), VISITOR, "page");
    f.feedback.record(new MailFeedback(MailFeedback.Kind.COMPLAINT, "fb", null,
        List.of("suppressed@example.org"), "abuse"));
    f.subscribe("erased@example.org");
    f.data.erase(f.signer.sign(LinkSigner.Purpose.ERASE, id("erased@example.org"),
        f.clock.now().plusSeconds(60)));

    List<String> answers = new ArrayList<>();
    int visitor = 0;
    for (String state : List.of("new", "pending", "confirmed", "unsubscribed", "suppressed",
        "erased")) {
      for (String type : List.of(JSON, FORM)) {
        var event = post("/api/subscriptions", type,
            type.equals(JSON) ? "{\"email\":\"" + state + "@example.org\"}"
                : "email=" + state + "%40example.org");
        // one visitor each, so that no limit bites
        event.getRequestContext().getHttp().setSourceIp("198.51.100." + ++visitor);
        APIGatewayV2HTTPResponse r = subscribe.handleRequest(event, null);
        answers.add(type + " " + r.getStatusCode() + " " + new java.util.TreeMap<>(
            r.getHeaders()) + " " + r.getBody());
      }
    }

    assertThat(answers.get(0)).contains("202");
    assertThat(answers.stream().filter(a -> a.startsWith(JSON)).distinct()).hasSize(1);
    assertThat(answers.stream().filter(a -> a.startsWith(FORM)).distinct()).hasSize(1);
  }

  @Test
  void subscribe_whenRateLimited_answers429WithRetryAfterForJsonAndFormAlike() {
    for (int i = 0; i < SubscriptionService.PER_EMAIL.max(); i++) {
      f.subscribe("ada@example.org");
    }

    APIGatewayV2HTTPResponse json = subscribe.handleRequest(post("/api/subscriptions", JSON,
        "{\"email\":\"ada@example.org\"}"), null);
    APIGatewayV2HTTPResponse form = subscribe.handleRequest(post("/api/subscriptions", FORM,
        "email=ada%40example.org"), null);

    for (APIGatewayV2HTTPResponse r : List.of(json, form)) {
      assertThat(r.getStatusCode()).isEqualTo(429);
      assertThat(r.getHeaders()).containsKey("Retry-After");
      assertThat(ApiEvents.json(r).at("/error/code").asText()).isEqualTo("rate_limited");
    }
  }

  @Test
  void subscribe_whenInputIsBad_answers4xxJsonAndChangesNothing() {
    Map<String, Integer> cases = Map.of(
        "{\"email\":\"reader@localhost\"}", 400,
        "{\"email\":\"a@example.org\",\"admin\":\"true\"}", 400,
        "{\"email\":[\"a@example.org\"]}", 400,
        "{\"email\":\"a@example.org\",\"name\":\"" + "x".repeat(101) + "\"}", 400,
        "{\"email\":\"" + "a".repeat(250) + "@example.org\"}", 400,
        "{not json", 400);

    cases.forEach((body, status) -> {
      APIGatewayV2HTTPResponse r = subscribe.handleRequest(post("/api/subscriptions", JSON, body),
          null);
      assertThat(r.getStatusCode()).as(body).isEqualTo(status);
      assertThat(ApiEvents.json(r).at("/error/code").isTextual()).isTrue();
    });
    assertThat(subscribe.handleRequest(post("/api/subscriptions", "text/plain", "a@example.org"),
        null).getStatusCode()).isEqualTo(415);
    assertThat(f.repository.applies()).isZero();
  }

  // ---------------------------------------------------------------- confirm

  @Test
  void confirm_getShowsAPageWithAButtonAndChangesNothing() {
    f.subscribe("ada@example.org");
    String token = f.lastConfirmationToken();

    APIGatewayV2HTTPResponse page = confirm.handleRequest(ApiEvents.request("GET",
        "/api/subscriptions/confirm").query("token", token).build(), null);

    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(page.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8")
        .containsEntry("Cache-Control", "no-store").containsEntry("Referrer-Policy", "no-referrer");
    assertThat(page.getBody()).contains("<form class=\"stacked-form\" "
        + "action=\"/api/subscriptions/confirm\" method=\"post\">",
        "name=\"token\" value=\"" + token + "\"", "noindex");
    assertThat(f.repository.find(id("ada@example.org")).orElseThrow().status())
        .isEqualTo(SubscriberStatus.PENDING);
  }

  @Test
  void confirm_postAsJson_answersJsonAndAnUnknownTokenIs404() {
    f.subscribe("ada@example.org");
    String token = f.lastConfirmationToken();

    APIGatewayV2HTTPResponse ok = confirm.handleRequest(post("/api/subscriptions/confirm", JSON,
        "{\"token\":\"" + token + "\"}"), null);
    APIGatewayV2HTTPResponse again = confirm.handleRequest(post("/api/subscriptions/confirm",
        JSON, "{\"token\":\"" + token + "\"}"), null);
    APIGatewayV2HTTPResponse bad = confirm.handleRequest(post("/api/subscriptions/confirm", JSON,
        "{\"token\":\"nope\"}"), null);
    APIGatewayV2HTTPResponse badForm = confirm.handleRequest(ApiEvents.request("POST",
        "/api/subscriptions/confirm").header("content-type", FORM)
        .header("accept", "text/html,application/xhtml+xml").body("token=nope").build(), null);

    assertThat(ok.getStatusCode()).isEqualTo(200);
    assertThat(ok.getBody()).isEqualTo("{\"status\":\"confirmed\"}");
    assertThat(again.getBody()).isEqualTo(ok.getBody());
    assertThat(bad.getStatusCode()).isEqualTo(404);
    assertThat(ApiEvents.json(bad).at("/error/code").asText()).isEqualTo("invalid_link");
    assertThat(badForm.getStatusCode()).isEqualTo(404);
    assertThat(badForm.getBody()).contains("This link does not work");
    assertThat(f.count(SubscriptionEmails.WELCOME)).isEqualTo(1);
  }

  @Test
  void confirm_getOnAnExpiredLink_shows404PageToBrowsersAndJsonToOthers() {
    f.subscribe("ada@example.org");
    String token = f.lastConfirmationToken();
    f.clock.advance(Duration.ofHours(49));

    APIGatewayV2HTTPResponse page = confirm.handleRequest(ApiEvents.request("GET",
        "/api/subscriptions/confirm").query("token", token)
        .header("accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(), null);
    APIGatewayV2HTTPResponse json = confirm.handleRequest(ApiEvents.request("GET",
        "/api/subscriptions/confirm").query("token", token).build(), null);

    assertThat(page.getStatusCode()).isEqualTo(404);
    assertThat(page.getHeaders().get("Content-Type")).startsWith("text/html");
    assertThat(page.getBody()).contains("48 hours", "Subscribe again").doesNotContain("<form");
    assertThat(json.getStatusCode()).isEqualTo(404);
    assertThat(ApiEvents.json(json).at("/error/code").asText()).isEqualTo("invalid_link");
  }

  // ---------------------------------------------------------------- unsubscribe

  @Test
  void unsubscribe_oneClickAsFormOrMultipart_answers200WithoutCookieOrPage() {
    for (String address : List.of("form@example.org", "multipart@example.org")) {
      f.subscribe(address);
      f.confirm(f.lastConfirmationToken());
    }
    String boundary = "----oneclick";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; "
        + "name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--" + boundary + "--\r\n";

    APIGatewayV2HTTPResponse form = unsubscribe.handleRequest(ApiEvents.request("POST",
            "/api/subscriptions/unsubscribe").query("token", unsubscribeToken("form@example.org"))
        .header("content-type", FORM).body("List-Unsubscribe=One-Click").build(), null);
    APIGatewayV2HTTPResponse multi = unsubscribe.handleRequest(ApiEvents.request("POST",
            "/api/subscriptions/unsubscribe")
        .query("token", unsubscribeToken("multipart@example.org"))
        .header("content-type", "multipart/form-data; boundary=" + boundary)
        .bytes(multipart.getBytes(StandardCharsets.UTF_8)).build(), null);

    for (APIGatewayV2HTTPResponse r : List.of(form, multi)) {
      assertThat(r.getStatusCode()).isEqualTo(200);
      assertThat(r.getBody()).contains("You are unsubscribed");
    }
    for (String address : List.of("form@example.org", "multipart@example.org")) {
      assertThat(f.repository.find(id(address)).orElseThrow().status())
          .isEqualTo(SubscriberStatus.UNSUBSCRIBED);
      assertThat(f.repository.events(id(address)).get(2).detail()).isEqualTo("one-click");
    }
  }

  @Test
  void unsubscribe_fromThePagesButton_redirectsAndAsJsonAnswersJson() {
    f.subscribe("page@example.org");
    f.subscribe("api@example.org");

    APIGatewayV2HTTPResponse page = unsubscribe.handleRequest(post(
        "/api/subscriptions/unsubscribe", FORM,
        "token=" + unsubscribeToken("page@example.org")), null);
    APIGatewayV2HTTPResponse api = unsubscribe.handleRequest(post(
        "/api/subscriptions/unsubscribe", JSON,
        "{\"token\":\"" + unsubscribeToken("api@example.org") + "\"}"), null);
    APIGatewayV2HTTPResponse forged = unsubscribe.handleRequest(post(
        "/api/subscriptions/unsubscribe", JSON, "{\"token\":\"" + id("x@example.org")
            + ".0.AAAAAAAAAAAAAAAAAAAAAA\"}"), null);

    assertThat(page.getStatusCode()).isEqualTo(303);
    assertThat(page.getHeaders()).containsEntry("Location", "/subscribe/unsubscribed/");
    assertThat(api.getStatusCode()).isEqualTo(200);
    assertThat(api.getBody()).isEqualTo("{\"status\":\"unsubscribed\"}");
    assertThat(forged.getStatusCode()).isEqualTo(404);
    assertThat(f.repository.events(id("page@example.org")).get(1).detail()).isEqualTo("page");
    assertThat(f.repository.events(id("api@example.org")).get(1).detail()).isEqualTo("api");
  }

  @Test
  void unsubscribe_getShowsAButtonAndChangesNothing() {
    f.subscribe("ada@example.org");
    String token = unsubscribeToken("ada@example.org");

    APIGatewayV2HTTPResponse page = unsubscribe.handleRequest(ApiEvents.request("GET",
        "/api/subscriptions/unsubscribe").query("token", token).build(), null);

    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(page.getBody()).contains("Unsubscribe from the newsletter?",
        "name=\"token\" value=\"" + token + "\"");
    assertThat(f.repository.find(id("ada@example.org")).orElseThrow().status())
        .isEqualTo(SubscriberStatus.PENDING);
  }

  // ---------------------------------------------------------------- data requests, export, erase

  @Test
  void dataRequests_getShowsALabelledAddressFieldAndFormPostRedirectsToSent() {
    APIGatewayV2HTTPResponse page = dataRequest.handleRequest(ApiEvents.request("GET",
        "/api/subscriptions/data-requests").build(), null);
    APIGatewayV2HTTPResponse sent = dataRequest.handleRequest(post(
        "/api/subscriptions/data-requests", FORM, "email=ada%40example.org&website="), null);
    APIGatewayV2HTTPResponse json = dataRequest.handleRequest(post(
        "/api/subscriptions/data-requests", JSON, "{\"email\":\"ada@example.org\"}"), null);

    assertThat(page.getBody()).contains("<label for=\"message-email\">Email address</label>",
        "name=\"email\" type=\"email\" required", "name=\"website\"");
    assertThat(sent.getStatusCode()).isEqualTo(303);
    assertThat(sent.getHeaders()).containsEntry("Location",
        "/api/subscriptions/data-requests?sent=1");
    assertThat(json.getStatusCode()).isEqualTo(202);
  }

  @Test
  void export_postAnswersAJsonAttachmentWithTheConsentWording() {
    f.subscribe("ada@example.org");
    String token = f.signer.sign(LinkSigner.Purpose.EXPORT, id("ada@example.org"),
        f.clock.now().plusSeconds(60));

    APIGatewayV2HTTPResponse r = export.handleRequest(post("/api/subscriptions/export", FORM,
        "token=" + token), null);

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getHeaders()).containsEntry("Content-Disposition",
        "attachment; filename=\"newsletter-data.json\"").containsEntry("Cache-Control", "no-store");
    var json = ApiEvents.json(r);
    assertThat(json.at("/subscription/email").asText()).isEqualTo("ada@example.org");
    assertThat(json.at("/consentLog/0/type").asText()).isEqualTo("signup");
    assertThat(json.at("/consentLog/0/ip").asText()).isEqualTo("203.0.113.7");
    assertThat(json.at("/consentLog/0/consentWording").asText())
        .startsWith("Subscribe to our newsletter");
  }

  @Test
  void erase_postAsFormShowsThePageAndAsJsonAnswersJson() {
    f.subscribe("ada@example.org");
    String token = f.signer.sign(LinkSigner.Purpose.ERASE, id("ada@example.org"),
        f.clock.now().plusSeconds(60));

    APIGatewayV2HTTPResponse page = erase.handleRequest(ApiEvents.request("GET",
        "/api/subscriptions/erase").query("token", token).build(), null);
    APIGatewayV2HTTPResponse form = erase.handleRequest(post("/api/subscriptions/erase", FORM,
        "token=" + token), null);
    APIGatewayV2HTTPResponse json = erase.handleRequest(post("/api/subscriptions/erase", JSON,
        "{\"token\":\"" + token + "\"}"), null);

    assertThat(page.getBody()).contains("Erase my data");
    assertThat(form.getStatusCode()).isEqualTo(200);
    assertThat(form.getBody()).contains("Your data is erased");
    assertThat(json.getBody()).isEqualTo("{\"status\":\"erased\"}");
    assertThat(f.repository.find(id("ada@example.org")).orElseThrow().email()).isNull();
  }

  private String unsubscribeToken(String address) {
    return f.signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, id(address), null);
  }

  private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent post(
      String path, String contentType, String body) {
    return ApiEvents.request("POST", path).header("content-type", contentType)
        .header("user-agent", "Mozilla/5.0 (test)").body(body).build();
  }
}
