package dev.newsroom.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's "done when", as a new user tries it on the dev server: three readers subscribe and
 * confirm, one of them following a single tag; an editor publishes an article with
 * {@code "newsletter": true}; the dev server's queues, sender and send rate deliver it; exactly
 * the right emails are at /_outbox; a reader leaves in one click from the newsletter itself.
 */
class DevServerCampaignTest {

  private static final String ALL_NEWS_1 = "all.one@example.org";
  private static final String ALL_NEWS_2 = "all.two@example.org";
  private static final String ONE_TAG = "sport.only@example.org";
  private static final String TITLE = "Council votes on the new bridge";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HIDDEN_TOKEN =
      Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

  private static DevServer server;

  @BeforeAll
  static void start() throws Exception {
    server = DevServer.start(DevServer.repoRoot(), null, 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void publishWithNewsletter_reachesTheReadersWhoFollowIt_once_andOneClickUnsubscribes()
      throws Exception {
    // given three confirmed readers: two follow all news, one follows only "sport"
    subscribe(ALL_NEWS_1, "");
    subscribe(ALL_NEWS_2, "");
    subscribe(ONE_TAG, "&topics=tags&tags=sport");

    // when an editor publishes a "local" article with its newsletter
    String slug = "bridge-vote";
    assertThat(admin("PUT", "/api/admin/articles/" + slug, "{\"title\":\"" + TITLE
        + "\",\"author\":\"Dev\",\"summary\":\"The vote is on Tuesday.\",\"body\":\"The "
        + "council *votes*.\",\"tags\":[\"local\"]}").statusCode()).isEqualTo(201);
    HttpResponse<String> published = admin("POST", "/api/admin/articles/" + slug + "/publish",
        "{\"newsletter\":true}");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    String campaign = "a-" + slug + "-" + Instant.parse(JSON.readTree(published.body())
        .path("publishedAt").asText()).getEpochSecond();

    // then the campaign finishes, and the outbox holds one email for each all-news reader
    JsonNode done = awaitDone(campaign);
    assertThat(done.at("/stats/recipients").asLong()).isEqualTo(2);
    assertThat(done.at("/stats/sent").asLong()).isEqualTo(2);
    assertThat(newsletters(ALL_NEWS_1)).hasSize(1);
    assertThat(newsletters(ALL_NEWS_2)).hasSize(1);
    assertThat(newsletters(ONE_TAG)).isEmpty();
    assertThat(get("/_outbox").body()).contains(TITLE);

    // and an editor's test send reaches the editor, marked, and counts nothing
    HttpResponse<String> test = admin("POST", "/api/admin/campaigns/" + campaign + "/test",
        "{\"to\":[\"editor@example.org\"]}");
    assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
    assertThat(await("editor@example.org", "[Test] " + TITLE).headers())
        .doesNotContainKey("List-Unsubscribe");
    assertThat(awaitDone(campaign).at("/stats/sent").asLong()).isEqualTo(2);

    // and publishing again (a repeated request) sends nothing more
    assertThat(admin("POST", "/api/admin/articles/" + slug + "/publish", "{\"newsletter\":true}")
        .statusCode()).isEqualTo(200);
    Thread.sleep(1_000);
    assertThat(newsletters(ALL_NEWS_1)).hasSize(1);

    // and a mail client's one-click unsubscribe on the newsletter's header works
    LocalSes.Sent newsletter = newsletters(ALL_NEWS_1).get(0);
    assertThat(newsletter.headers()).containsEntry("List-Unsubscribe-Post",
        "List-Unsubscribe=One-Click");
    String header = newsletter.headers().get("List-Unsubscribe");
    String unsubscribe = header.substring(1, header.length() - 1);
    assertThat(unsubscribe).startsWith(server.baseUrl() + "/api/subscriptions/unsubscribe?");
    assertThat(oneClick(unsubscribe).statusCode()).isEqualTo(200);
    assertThat(getUrl(unsubscribe).body()).contains("You are unsubscribed");

    // and the campaign counts that reader as unsubscribed since it, once: a retried one-click
    // POST and the footer's link (the same signed link, naming the campaign) count nothing more
    assertThat(stats(campaign).path("unsubscribedSince").asLong()).isEqualTo(1);
    assertThat(oneClick(unsubscribe).statusCode()).isEqualTo(200);
    Matcher footer = Pattern.compile(Pattern.quote(server.baseUrl()
        + "/api/subscriptions/unsubscribe") + "\\?token=[\\w.-]+").matcher(newsletter.text());
    assertThat(footer.find()).isTrue();
    assertThat(footer.group()).isEqualTo(unsubscribe);
    // the footer link's page has no button any more; its form would post the link's token
    assertThat(getUrl(footer.group()).body()).contains("You are unsubscribed");
    assertThat(post("/api/subscriptions/unsubscribe", "application/x-www-form-urlencoded",
        "token=" + footer.group().substring(footer.group().indexOf("?token=") + 7))
        .statusCode()).isEqualTo(303);
    JsonNode stats = stats(campaign);
    assertThat(stats.path("unsubscribedSince").asLong()).isEqualTo(1);
    assertThat(stats.path("sent").asLong()).isEqualTo(2);
    assertThat(stats.path("skipped").asLong()).isZero();
  }

  private static HttpResponse<String> oneClick(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode stats(String campaign) throws Exception {
    HttpResponse<String> r = admin("GET", "/api/admin/campaigns/" + campaign, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).path("stats");
  }

  /** Signs up with the article page's form, then confirms from the email at the outbox. */
  private static void subscribe(String email, String topics) throws Exception {
    HttpResponse<String> signup = post("/api/subscriptions", "application/x-www-form-urlencoded",
        "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&page=%2F&website="
            + topics);
    assertThat(signup.statusCode()).as(signup.body()).isEqualTo(303);
    LocalSes.Sent confirmation = await(email, "Confirm your subscription");
    Matcher link = Pattern.compile(Pattern.quote(server.baseUrl()
        + "/api/subscriptions/confirm") + "\\?token=[\\w.-]+").matcher(confirmation.text());
    assertThat(link.find()).isTrue();
    Matcher token = HIDDEN_TOKEN.matcher(getUrl(link.group()).body());
    assertThat(token.find()).isTrue();
    assertThat(post("/api/subscriptions/confirm", "application/x-www-form-urlencoded",
        "token=" + token.group(1)).statusCode()).isEqualTo(303);
  }

  private static LocalSes.Sent await(String to, String subjectStart) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      List<LocalSes.Sent> mails = server.ses().sent().stream()
          .filter(m -> m.to().contains(to) && m.subject().startsWith(subjectStart)).toList();
      if (!mails.isEmpty()) {
        return mails.get(mails.size() - 1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no \"" + subjectStart + "\" email to " + to);
  }

  private static JsonNode awaitDone(String campaign) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    JsonNode json = null;
    while (System.currentTimeMillis() < deadline) {
      HttpResponse<String> r = admin("GET", "/api/admin/campaigns/" + campaign, null);
      if (r.statusCode() == 200) {
        json = JSON.readTree(r.body());
        if (json.path("state").asText().equals("done")) {
          return json;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("campaign " + campaign + " not done: " + json);
  }

  private static List<LocalSes.Sent> newsletters(String to) {
    return server.ses().sent().stream()
        .filter(m -> m.to().contains(to) && m.subject().equals(TITLE)).toList();
  }

  private static HttpResponse<String> admin(String method, String path, String json)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Authorization", "Bearer " + server.editorKey());
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String type, String body)
      throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return getUrl(server.baseUrl() + path);
  }

  private static HttpResponse<String> getUrl(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
