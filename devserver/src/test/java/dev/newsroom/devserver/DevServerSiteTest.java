package dev.newsroom.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The site as the dev server serves it: from the S3 store, kept current by the publisher. */
class DevServerSiteTest {

  private static DevServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = DevServer.start(DevServer.repoRoot(), null, 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void home_whenServerStarts_listsTheSeedArticle() throws Exception {
    HttpResponse<String> home = get("/");

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    assertThat(home.body()).contains("/articles/" + SeedContent.SEED_SLUG + "/",
        "US Bombers HIT Iran-Backed Militias HARD");
    assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void paths_whenRequested_resolveLikeTheCloudFrontFunction() throws Exception {
    HttpResponse<String> folder = get("/contact");
    HttpResponse<String> missing = get("/no-such-page/");
    HttpResponse<String> css = get("/static/site.css");
    String etag = get("/").headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> revalidated = HTTP.send(HttpRequest.newBuilder(
        URI.create(server.baseUrl() + "/")).header("If-None-Match", etag).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(folder.statusCode()).isEqualTo(301);
    assertThat(folder.headers().firstValue("Location")).contains("/contact/");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Page not found");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/css"));
    assertThat(revalidated.statusCode()).isEqualTo(304);
  }

  @Test
  void article_whenPublishedThenUnpublished_appearsThenDisappearsWithinSeconds()
      throws Exception {
    // given a new article, saved and published through the editor API
    String slug = "dev-server-site-test";
    assertThat(admin("PUT", "/api/admin/articles/" + slug, "{\"title\":\"Freshly published "
        + "story\",\"author\":\"Test Desk\",\"body\":\"Hello **readers**.\",\"tags\":[\"local\"]}")
        .statusCode()).isBetween(200, 201);
    long start = System.nanoTime();
    assertThat(admin("POST", "/api/admin/articles/" + slug + "/publish", null).statusCode())
        .isEqualTo(200);

    // when the stream has reached the publisher, the pages show it
    awaitBody("/", true, "Freshly published story");
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    System.out.println("published article listed on the home page after " + millis + " ms");
    assertThat(millis / 1000).as("seconds until the home page lists it").isLessThanOrEqualTo(10);
    // (the rest of the pass, the other pages, lands moments later)
    awaitBody("/articles/" + slug + "/", true, "<strong>readers</strong>");
    awaitBody("/tags/local/", true, "Freshly published story");
    awaitBody("/feed.xml", true, "Freshly published story");
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    awaitBody("/sitemap.xml", true, "/sitemaps/" + today + ".xml");
    awaitBody("/sitemaps/" + today + ".xml", true, "/articles/" + slug + "/");

    // when it is unpublished, its page and listings go
    assertThat(admin("POST", "/api/admin/articles/" + slug + "/unpublish", null).statusCode())
        .isEqualTo(200);
    // (a publishing pass writes listings first and deletes pages last, so wait for its end)
    awaitBody("/", false, "Freshly published story");
    awaitStatus("/articles/" + slug + "/", 404);
    awaitStatus("/tags/local/", 404);
  }

  private static void awaitBody(String path, boolean present, String text) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    while (get(path).body().contains(text) != present && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(get(path).body().contains(text)).as("%s shows %s", path, text).isEqualTo(present);
  }

  private static void awaitStatus(String path, int status) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    while (get(path).statusCode() != status && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(get(path).statusCode()).as("status of %s", path).isEqualTo(status);
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
