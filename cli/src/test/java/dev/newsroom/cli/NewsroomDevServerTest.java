package dev.newsroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.cli.api.HttpNewsroomApi;
import dev.newsroom.config.AwsClients;
import dev.newsroom.devserver.DevServer;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the dev server: real routes, real image processing, real key table. */
class NewsroomDevServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static DevServer server;

  @TempDir
  Path dir;

  private final Map<String, String> env = new HashMap<>();
  private String out;
  private String err;

  @BeforeAll
  static void start() throws Exception {
    server = DevServer.start(repoRoot(), null, 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private int run(String... args) {
    env.putIfAbsent("NEWSROOM_URL", server.baseUrl());
    env.putIfAbsent("NEWSROOM_KEY", server.editorKey());
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    Context context = new Context(env, dir.resolve("home"), new PrintWriter(stdout),
        new PrintWriter(stderr),
        settings -> new HttpNewsroomApi(settings.url(), settings.key(), Output.JSON),
        Context::dynamoDbKeys, pause -> Thread.sleep(pause.toMillis()), Duration.ofSeconds(60));
    int exit = Newsroom.run(context, args);
    out = stdout.toString();
    err = stderr.toString();
    return exit;
  }

  @Test
  void push_whenAFolderIsPushedTwice_theSecondPushUploadsAndWritesNothing() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("articles"));
    writeJpeg(folder.resolve("quay.jpg"), 800, 500);
    Files.writeString(folder.resolve("cli-harbour.md"), """
        ---
        title: Harbour reopens
        summary: Ferries run again.
        author: Ann Editor
        tags: [local, transport]
        hero: ./quay.jpg
        heroAlt: Ferry at the quay
        publish: true
        ---
        The **harbour** is open again.

        ![The quay at dawn](./quay.jpg)
        """);
    Files.writeString(folder.resolve("cli-timetable.md"), """
        ---
        title: New ferry timetable
        author: Bo Writer
        ---
        Boats leave every hour. ![The quay](quay.jpg "Same photo, same upload")
        """);

    assertThat(run("push", "--json", folder.toString())).as(err + out).isEqualTo(0);
    Map<String, JsonNode> first = bySlug(out);
    Set<String> imagesAfterFirst = storedImageIds();

    assertThat(first.get("cli-harbour").get("outcome").asText()).isEqualTo("created");
    assertThat(first.get("cli-harbour").get("status").asText()).isEqualTo("published");
    assertThat(first.get("cli-harbour").get("imagesUploaded").asInt()).isEqualTo(1);
    assertThat(first.get("cli-timetable").get("imagesUploaded").asInt()).isZero();
    assertThat(imagesAfterFirst).hasSize(1);
    String imagePath = first.get("cli-harbour").get("article").get("heroImage").get("url")
        .asText();
    assertThat(imagePath).matches("/images/[A-Za-z0-9_-]{22}-800x500/800\\.jpg");
    JsonNode published = publicArticle("cli-harbour");

    assertThat(run("push", "--json", folder.toString())).as(err + out).isEqualTo(0);
    Map<String, JsonNode> second = bySlug(out);

    for (String slug : new String[] {"cli-harbour", "cli-timetable"}) {
      assertThat(second.get(slug).get("version").asLong()).as(slug + " version")
          .isEqualTo(first.get(slug).get("version").asLong());
      assertThat(second.get(slug).get("outcome").asText()).isEqualTo("unchanged");
      assertThat(second.get(slug).get("imagesUploaded").asInt()).isZero();
    }
    assertThat(storedImageIds()).as("no new image in the media bucket")
        .isEqualTo(imagesAfterFirst);
    assertThat(publicArticle("cli-harbour").get("updatedAt"))
        .isEqualTo(published.get("updatedAt"));
  }

  @Test
  void push_whenPublished_servesThePageWithTheResizedImageAndSrcset() throws Exception {
    writeJpeg(dir.resolve("photo.jpg"), 1000, 600);
    Path file = dir.resolve("cli-walkthrough.md");
    Files.writeString(file, "---\ntitle: Walk-through\nauthor: Ann\n---\n"
        + "Seen from the pier: ![The pier at noon](photo.jpg)\n");

    assertThat(run("push", "--publish", file.toString())).as(err).isEqualTo(0);
    assertThat(out).isEqualTo(file + ": created cli-walkthrough (version 2, published);"
        + " images: 1 uploaded, 0 already there\n");

    String page = awaitPage("/articles/cli-walkthrough/");
    assertThat(page).containsPattern("<img [^>]*src=\"/images/[A-Za-z0-9_-]{22}-1000x600/1000"
        + "\\.jpg\" srcset=\"/images/\\S+/600\\.jpg 600w, \\S+/1000\\.jpg 1000w\"[^>]*"
        + " alt=\"The pier at noon\" width=\"1000\" height=\"600\"");
    String smallest = page.replaceAll("(?s).*srcset=\"(/images/\\S+/600\\.jpg) 600w.*", "$1");
    HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(
        URI.create(server.baseUrl() + smallest)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(image.body())).getWidth())
        .isEqualTo(600);
  }

  @Test
  void push_whenTheFrontMatterIsBad_exitsOneWithTheFileAndReason() throws IOException {
    Path file = dir.resolve("cli-bad.md");
    Files.writeString(file, "---\ntitle: Bad\nauthor: [Ann\n---\nText.\n");

    assertThat(run("push", file.toString())).isEqualTo(1);

    assertThat(err).startsWith("newsroom: " + file + ": front matter line 3: ")
        .hasLineCount(1);
    assertThat(run("list", "--json")).isEqualTo(0);
    assertThat(out).doesNotContain("cli-bad");
  }

  @Test
  void push_whenTheApiRefusesAField_printsTheFieldAndMessage() throws IOException {
    Path file = dir.resolve("cli-hero.md");
    Files.writeString(file, "---\ntitle: Hero\nauthor: Ann\nhero: http://example.org/a.jpg\n"
        + "heroAlt: A\n---\nText.\n");

    assertThat(run("push", file.toString())).isEqualTo(1);

    assertThat(err).startsWith("newsroom: " + file + ": heroImage.url: The hero image must be an"
        + " https URL").endsWith("(HTTP 400 invalid_field)\n");
  }

  @Test
  void keys_whenCreatedAndRevoked_theKeyWorksThenStops() {
    env.put("EDITOR_KEYS_TABLE", System.getProperty("EDITOR_KEYS_TABLE"));
    assertThat(run("keys", "create", "cli-test")).as(err).isEqualTo(0);
    String key = out.lines().filter(l -> l.startsWith("key: ")).findFirst().orElseThrow()
        .substring(5).strip().split(" ")[0];
    env.put("NEWSROOM_KEY", key);

    assertThat(run("list", "--status", "published")).as(err).isEqualTo(0);
    assertThat(run("keys", "revoke", key.split("\\.")[1])).isEqualTo(0);
    assertThat(run("list")).isEqualTo(1);
    assertThat(err).contains("(HTTP 401 ").doesNotContain(key);
  }

  private static Map<String, JsonNode> bySlug(String json) throws IOException {
    Map<String, JsonNode> results = new HashMap<>();
    JSON.readTree(json).get("pushed").forEach(r -> results.put(r.get("slug").asText(), r));
    return results;
  }

  /** The image ids under images/ in the dev server's media bucket. */
  private static Set<String> storedImageIds() {
    return AwsClients.s3().listObjectsV2Paginator(r -> r.bucket("newsroom-media")
            .prefix("images/")).contents().stream()
        .map(o -> o.key().split("/")[1].replaceFirst("-\\d+x\\d+$", ""))
        .collect(Collectors.toSet());
  }

  private static JsonNode publicArticle(String slug) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create(server.baseUrl() + "/api/articles/" + slug)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String awaitPage(String path) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (true) {
      HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(
          URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
      if (page.statusCode() == 200 || System.currentTimeMillis() > deadline) {
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.body();
      }
      Thread.sleep(100);
    }
  }

  private static void writeJpeg(Path file, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 120), width, height,
        new Color(230, 190, 90)));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ImageIO.write(image, "jpg", file.toFile());
  }

  private static Path repoRoot() {
    Path folder = Path.of("").toAbsolutePath();
    while (!Files.exists(folder.resolve("template.yaml"))) {
      folder = folder.getParent();
    }
    return folder;
  }
}
