package dev.newsroom.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against a scripted HTTP server on loopback: headers, errors, redirects. */
class HttpNewsroomApiTest {

  private static final String KEY = "nrk.AAAAAAAAAAAAAAAA.secret";

  /** One request as the server saw it. */
  record Seen(String method, String path, String authorization, String contentType,
      String body) {}

  private HttpServer server;
  private String base;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  record Answer(int status, String contentType, String body, Map<String, String> headers) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void serve(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
        exchange.getRequestHeaders().getFirst("Authorization"),
        exchange.getRequestHeaders().getFirst("Content-Type"), body));
    Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " "
        + exchange.getRequestURI().getPath(), new Answer(404, "text/plain", "no", Map.of()));
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", answer.contentType());
    answer.headers().forEach(exchange.getResponseHeaders()::add);
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private HttpNewsroomApi api() {
    return new HttpNewsroomApi(base + "/", KEY, new ObjectMapper());
  }

  @Test
  void upload_whenTheImageIsSent_carriesTheKeyToTheApiOnlyNeverToTheUploadUrl() {
    answers.put("POST /api/admin/images", new Answer(201, "application/json",
        "{\"id\":\"img1\",\"uploadUrl\":\"" + base + "/uploads/img1?X-Amz-Signature=abc\","
            + "\"uploadHeaders\":{\"Content-Type\":\"image/jpeg\",\"Content-Length\":\"3\"}}",
        Map.of()));
    answers.put("PUT /uploads/img1", new Answer(200, "text/plain", "", Map.of()));

    ImageUpload upload = api().requestImageUpload("image/jpeg", 3, "quay.jpg");
    api().upload(upload, new byte[] {1, 2, 3});

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).authorization()).isEqualTo("Bearer " + KEY);
    assertThat(seen.get(0).body())
        .isEqualTo("{\"contentType\":\"image/jpeg\",\"size\":3,\"fileName\":\"quay.jpg\"}");
    assertThat(seen.get(1).path()).isEqualTo("/uploads/img1?X-Amz-Signature=abc");
    assertThat(seen.get(1).authorization()).isNull();
    assertThat(seen.get(1).contentType()).isEqualTo("image/jpeg");
  }

  @Test
  void putArticle_whenTheApiRefusesAField_throwsItsCodeFieldAndMessage() {
    answers.put("PUT /api/admin/articles/harbour", new Answer(400, "application/json",
        "{\"error\":{\"code\":\"invalid_field\",\"message\":\"The title is required.\","
            + "\"field\":\"title\"}}", Map.of()));
    ArticleDraft draft = ArticleDraft.markdown("", null, "Text", "Ann", null, null, null);

    assertThatThrownBy(() -> api().putArticle("harbour", draft))
        .isInstanceOfSatisfying(ApiRefusedException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("invalid_field");
          assertThat(e.field()).isEqualTo("title");
          assertThat(e.getMessage()).isEqualTo("The title is required.");
        });
    assertThat(seen.get(0).body()).doesNotContain("summary").contains("\"bodyFormat\":\"markdown\"");
  }

  @Test
  void send_whenTheAnswerIsNotFromNewsroom_saysToCheckTheUrl() {
    assertThatThrownBy(() -> api().publish("harbour", false))
        .isInstanceOfSatisfying(ApiRefusedException.class,
            e -> assertThat(e.code()).isEqualTo("http_404"))
        .hasMessageContaining("is the URL that of a Newsroom API?");
  }

  @Test
  void send_whenRedirected_doesNotFollowWithTheKey() {
    answers.put("GET /api/admin/articles", new Answer(301, "text/plain", "",
        Map.of("Location", "https://elsewhere.example.org/api/admin/articles")));

    assertThatThrownBy(() -> api().articles("draft", null))
        .isInstanceOfSatisfying(ApiRefusedException.class,
            e -> assertThat(e.code()).isEqualTo("redirect"))
        .hasMessageContaining("to https://elsewhere.example.org/api/admin/articles");
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).path()).isEqualTo("/api/admin/articles?limit=50&status=draft");
  }

  @Test
  void send_whenTheServerFails_isUnavailable() {
    answers.put("POST /api/admin/articles/harbour/unpublish", new Answer(503, "application/json",
        "{\"error\":{\"code\":\"unavailable\",\"message\":\"busy\"}}", Map.of()));

    assertThatThrownBy(() -> api().unpublish("harbour"))
        .isInstanceOf(ApiUnavailableException.class)
        .hasMessageContaining("HTTP 503");
  }

  @Test
  void send_whenTheSlugIsNotOne_refusesBeforeSending() {
    assertThatThrownBy(() -> api().delete("../keys"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(seen).isEmpty();
  }
}
