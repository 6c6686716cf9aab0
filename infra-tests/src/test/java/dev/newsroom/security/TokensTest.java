package dev.newsroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.devserver.LocalSes;
import dev.newsroom.infra.Answers;
import dev.newsroom.infra.ApiCall;
import dev.newsroom.infra.Emulators;
import dev.newsroom.infra.FaultProxy;
import dev.newsroom.infra.LogCapture;
import dev.newsroom.infra.SuiteReport;
import dev.newsroom.infra.Templates;
import dev.newsroom.shared.Hashing;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The newsletter's links (confirm, unsubscribe, export, erase; every token route of the template):
 * a guessed token opens nothing, a token works only for its own subscriber and its own action, and
 * a used one does nothing a second time. "Nothing" is checked at the store: no accepted write.
 */
class TokensTest {

  private static final Pattern LINK = Pattern.compile(
      "https?://[^\\s\"<>]+(/api/subscriptions/[a-z-]+)\\?token=([A-Za-z0-9_.-]+)");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final Emulators world = Emulators.shared();

  @BeforeEach
  void healEmulators() {
    world.healAll();
    world.driver("MailSenderFunction").drain();
  }

  /**
   * Every route that takes a link's token: the subscription routes other than signup. The four
   * link routes must be there, so a renamed route fails here instead of leaving nothing to test.
   */
  static List<Templates.Route> tokenRoutes() {
    List<Templates.Route> routes = Templates.routes().stream()
        .filter(r -> r.path().startsWith("/api/subscriptions/")
            && !r.path().endsWith("/data-requests"))
        .toList();
    assertThat(routes).extracting(Templates.Route::path).contains(
        "/api/subscriptions/confirm", "/api/subscriptions/unsubscribe",
        "/api/subscriptions/export", "/api/subscriptions/erase");
    return routes;
  }

  @Test
  void guessedTokens_openNothing_onAnyTokenRoute() {
    // given a real subscriber, whose id a guesser may even know
    String address = address();
    String unsubscribe = token(confirmAndWelcome(address), "/api/subscriptions/unsubscribe");
    String realId = unsubscribe.split("\\.")[0];
    Random random = new Random(11);
    List<String> guesses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      guesses.add(Hashing.randomToken(32) + ".0." + Hashing.randomToken(16));
      guesses.add(realId + ".0." + Hashing.randomToken(16));
      guesses.add(realId + "." + (4_000_000_000L + random.nextInt(1000)) + "."
          + Hashing.randomToken(16));
      guesses.add(Hashing.randomToken(random.nextInt(60) + 1));
    }
    guesses.addAll(List.of("", ".", "..", realId, realId + ".0.", "../../etc/passwd",
        unsubscribe.toUpperCase(), unsubscribe + "A", unsubscribe.substring(1)));

    for (Templates.Route route : tokenRoutes()) {
      for (String guess : guesses) {
        // when a guess is tried
        world.dynamoDbProxy().clearCalls();
        APIGatewayV2HTTPResponse response = call(route, guess);

        // then it is refused as a link that does not work, and nothing changed
        assertThat(response.getStatusCode()).as("%s with %s", route.key(), guess).isIn(400, 404);
        assertThat(Answers.isJsonError(response)).isTrue();
        assertNothingWritten(route.key() + " " + guess);
        SuiteReport.count("doors: guessed tokens x token route", 1);
      }
    }
  }

  @Test
  void aToken_worksOnlyForItsOwnSubscriberAndItsOwnAction() {
    // given two confirmed subscribers and their unsubscribe links
    String a = address();
    String b = address();
    String aUnsubscribe = token(confirmAndWelcome(a), "/api/subscriptions/unsubscribe");
    String bUnsubscribe = token(confirmAndWelcome(b), "/api/subscriptions/unsubscribe");
    String[] aParts = aUnsubscribe.split("\\.");
    String[] bParts = bUnsubscribe.split("\\.");

    // when A's proof is put on B's id, or A's expiry is changed, or A's token is used elsewhere
    List<String> forged = List.of(bParts[0] + "." + aParts[1] + "." + aParts[2],
        aParts[0] + ".4102444800." + aParts[2]);
    for (Templates.Route route : tokenRoutes()) {
      boolean unsubscribeRoute = route.path().endsWith("/unsubscribe");
      for (String token : unsubscribeRoute ? forged : List.of(aUnsubscribe, bUnsubscribe)) {
        world.dynamoDbProxy().clearCalls();
        APIGatewayV2HTTPResponse response = call(route, token);

        // then nothing opens and nothing changes
        assertThat(response.getStatusCode()).as("%s with %s", route.key(), token).isIn(400, 404);
        assertNothingWritten(route.key());
        SuiteReport.count("doors: tokens of another subscriber or action", 1);
      }
    }
  }

  @Test
  void usedTokens_doNothingTheSecondTime() {
    // given a subscriber who confirmed and then asked for their data
    String address = address();
    signup(address);
    String confirm = token(lastTo(address), "/api/subscriptions/confirm");
    assertThat(post("/api/subscriptions/confirm", confirm).getStatusCode()).isBetween(200, 399);
    world.driver("MailSenderFunction").drain();
    assertThat(ApiCall.to("POST", "/api/subscriptions/data-requests").from(ip())
        .json("{\"email\":\"" + address + "\"}").invoke().getStatusCode()).isBetween(200, 399);
    world.driver("MailSenderFunction").drain();
    LocalSes.Sent data = lastTo(address);
    String erase = token(data, "/api/subscriptions/erase");
    String export = token(data, "/api/subscriptions/export");
    assertThat(post("/api/subscriptions/erase", erase).getStatusCode()).isBetween(200, 399);

    // when the confirmation and the erase links are used again, and export after erase
    for (String[] reuse : new String[][] {{"/api/subscriptions/confirm", confirm},
        {"/api/subscriptions/erase", erase}, {"/api/subscriptions/export", export}}) {
      var before = subscriberState();
      APIGatewayV2HTTPResponse again = post(reuse[0], reuse[1]);

      // then they change nothing (an erase may re-sweep, rewriting only bookkeeping) and
      // reveal nothing: the data is gone
      assertThat(again.getStatusCode()).as(reuse[0]).isBetween(200, 499);
      assertThat(again.getBody()).doesNotContain(address);
      assertThat(subscriberState()).as("subscribers after reusing %s", reuse[0])
          .isEqualTo(before);
      SuiteReport.count("doors: reused tokens", 1);
    }
  }

  /**
   * The subscribers table as state: every item and attribute, less the bookkeeping an erase's
   * re-sweep rewrites on its tombstone (version, updatedAt, createdAt).
   */
  private java.util.List<java.util.Map<String, ?>> subscriberState() {
    return world.snapshot().get("SubscribersTable").stream().<java.util.Map<String, ?>>map(item -> {
      var copy = new java.util.TreeMap<String, Object>(item);
      copy.remove("version");
      copy.remove("updatedAt");
      copy.remove("createdAt");
      return copy;
    }).toList();
  }

  private void assertNothingWritten(String what) {
    assertThat(world.dynamoDbProxy().calls().stream().filter(FaultProxy.Call::changedState)
        .filter(c -> !c.tables().equals(java.util.Set.of(
            System.getProperty("RATE_LIMITS_TABLE", "RateLimitsTable")))).toList())
        .as("writes for %s", what).isEmpty();
  }

  private APIGatewayV2HTTPResponse call(Templates.Route route, String token) {
    ApiCall call = ApiCall.to(route).from(ip()).query("token", token);
    if (route.method().equals("POST")) {
      call.json("{}");
    }
    return call.invoke();
  }

  private APIGatewayV2HTTPResponse post(String path, String token) {
    return ApiCall.to("POST", path).from(ip()).query("token", token).json("{}").invoke();
  }

  /** Signs up, confirms through the mailed link, and returns the welcome email. */
  private LocalSes.Sent confirmAndWelcome(String address) {
    signup(address);
    String confirm = token(lastTo(address), "/api/subscriptions/confirm");
    assertThat(post("/api/subscriptions/confirm", confirm).getStatusCode()).isBetween(200, 399);
    world.driver("MailSenderFunction").drain();
    return lastTo(address);
  }

  private void signup(String address) {
    assertThat(ApiCall.to("POST", "/api/subscriptions").from(ip())
        .json("{\"email\":\"" + address + "\"}").invoke().getStatusCode()).isBetween(200, 299);
    world.driver("MailSenderFunction").drain();
  }

  private LocalSes.Sent lastTo(String address) {
    List<LocalSes.Sent> mails = world.moto().rawEmails().stream()
        .filter(m -> m.to().contains(address)).toList();
    return mails.isEmpty() ? null : mails.get(mails.size() - 1);
  }

  private String token(LocalSes.Sent mail, String path) {
    assertThat(mail).as("an email with a %s link", path).isNotNull();
    Matcher m = LINK.matcher(mail.text());
    while (m.find()) {
      if (m.group(1).equals(path)) {
        LogCapture.remember(m.group(2));
        return m.group(2);
      }
    }
    throw new AssertionError("no " + path + " link in: " + mail.subject());
  }

  private String address() {
    String address = "token-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    LogCapture.remember(address);
    return address;
  }

  private static String ip() {
    int n = SEQUENCE.incrementAndGet();
    return "192.0.2." + (n % 250 + 1);
  }
}
