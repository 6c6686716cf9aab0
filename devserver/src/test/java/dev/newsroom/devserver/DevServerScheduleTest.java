package dev.newsroom.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's "done when", as a new user tries it on the dev server: an article scheduled a little
 * ahead is absent from the public API, its page, the home page, the feed and the sitemap until its
 * time, then present in all of them, published once. The template's sweep runs with its real
 * handler, every {@link #TICK} instead of every minute ({@code --schedule-every}) so that the test
 * waits seconds, not minutes; the schedule is placed a few ticks ahead.
 */
class DevServerScheduleTest {

  private static final Duration TICK = Duration.ofSeconds(2);
  private static final String SLUG = "scheduled-in-dev";
  private static final String TITLE = "Embargoed council budget";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static DevServer server;

  @BeforeAll
  static void start() throws Exception {
    server = DevServer.start(DevServer.repoRoot(), null, 0, TICK);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void schedule_whenItsTimeComes_thenAbsentBeforePresentAfterAndPublishedOnce() throws Exception {
    // given a draft, scheduled a few sweeps ahead
    assertThat(admin("PUT", "/api/admin/articles/" + SLUG, "{\"title\":\"" + TITLE
        + "\",\"author\":\"Dev\",\"body\":\"The budget is *out*.\",\"tags\":[\"local\"]}")
        .statusCode()).isEqualTo(201);
    Instant publishAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> scheduled = admin("POST", "/api/admin/articles/" + SLUG + "/schedule",
        "{\"publishAt\":\"" + publishAt + "\"}");
    assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
    long scheduledVersion = JSON.readTree(scheduled.body()).path("version").asLong();
    JsonNode waiting = JSON.readTree(admin("GET", "/api/admin/articles?status=scheduled", null)
        .body()).path("items");
    assertThat(waiting).anySatisfy(item -> {
      assertThat(item.path("slug").asText()).isEqualTo(SLUG);
      assertThat(Instant.parse(item.path("publishAt").asText())).isEqualTo(publishAt);
    });

    // then, through every sweep until a second before its time, readers see nothing of it
    int checks = 0;
    while (Instant.now().isBefore(publishAt.minusSeconds(1))) {
      assertAbsent();
      checks++;
      Thread.sleep(200);
    }
    assertThat(checks).as("rounds of checks before its time").isPositive();

    // when its time has come, the API answers, never before the time and within a tick or so
    Instant deadline = publishAt.plus(TICK).plusSeconds(20);
    HttpResponse<String> article = get("/api/articles/" + SLUG);
    while (article.statusCode() == 404 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      article = get("/api/articles/" + SLUG);
    }
    Instant seen = Instant.now();
    assertThat(article.statusCode()).isEqualTo(200);
    assertThat(seen).as("first seen").isAfterOrEqualTo(publishAt);
    System.out.println("scheduled article in the API " + Duration.between(publishAt, seen)
        .toMillis() + " ms after its time (sweep every " + TICK.toSeconds() + " s)");
    assertThat(JSON.readTree(article.body()).path("publishedAt").asText())
        .isEqualTo(publishAt.toString());

    // and the pages, the home page, the feed and the sitemap show it
    awaitBody("/articles/" + SLUG + "/", "<em>out</em>");
    awaitBody("/", TITLE);
    awaitBody("/feed.xml", TITLE);
    awaitBody("/sitemaps/" + LocalDate.now(ZoneOffset.UTC) + ".xml", "/articles/" + SLUG + "/");
    assertThat(get("/api/articles").body()).contains(SLUG);

    // and it was published once: one write after the schedule, and later sweeps add none
    Thread.sleep(3 * TICK.toMillis());
    HttpResponse<String> again = admin("POST", "/api/admin/articles/" + SLUG + "/publish", null);
    assertThat(again.statusCode()).isEqualTo(200);
    JsonNode stored = JSON.readTree(again.body());
    assertThat(stored.path("status").asText()).isEqualTo("published");
    assertThat(stored.path("version").asLong()).isEqualTo(scheduledVersion + 1);
  }

  @Test
  void banner_whenPrinted_thenTheScheduleCommandComputesATimeTwoMinutesAhead() throws Exception {
    String banner = server.banner();
    assertThat(banner).contains(DevServer.SCHEDULE_TIME).contains("\\\"$AT\\\"")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    // the user's shell runs it when the line is pasted, not when the server started
    Process shell = new ProcessBuilder("bash", "-c", DevServer.SCHEDULE_TIME + " && echo \"$AT\"")
        .redirectErrorStream(true).start();
    String at = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(shell.waitFor()).as(at).isZero();
    Instant now = Instant.now();
    assertThat(Instant.parse(at)).isAfter(now.plusSeconds(55)).isBefore(now.plusSeconds(125));
  }

  private static void assertAbsent() throws Exception {
    assertThat(get("/api/articles/" + SLUG).statusCode()).as("API article").isEqualTo(404);
    assertThat(get("/api/articles").body()).as("API list").doesNotContain(SLUG);
    assertThat(get("/articles/" + SLUG + "/").statusCode()).as("article page").isEqualTo(404);
    assertThat(get("/").body()).as("home page").doesNotContain(TITLE);
    assertThat(get("/feed.xml").body()).as("feed").doesNotContain(TITLE);
    assertThat(get("/sitemaps/" + LocalDate.now(ZoneOffset.UTC) + ".xml").body())
        .as("sitemap").doesNotContain(SLUG);
  }

  private static void awaitBody(String path, String text) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    while (!get(path).body().contains(text) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(get(path).body()).as(path).contains(text);
  }

  private static HttpResponse<String> admin(String method, String path, String json)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Authorization", "Bearer " + server.editorKey());
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
