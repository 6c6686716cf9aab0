package dev.newsroom.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --seed-subscribers N}: readers stored through the real repository, whom a campaign of
 * the seed article then reaches, each once, through the dev server's queues and send rate.
 */
class DevServerSeedSubscribersTest {

  private static final int READERS = 40;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

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
  void seedSubscribers_storesConfirmedReadersOnce_andACampaignReachesEachOfThem()
      throws Exception {
    assertThat(LocalSubscribers.seed(READERS)).isEqualTo(READERS);
    assertThat(LocalSubscribers.seed(READERS)).isZero();

    HttpResponse<String> created = admin("POST", "/api/admin/campaigns",
        "{\"article\":\"" + SeedContent.SEED_SLUG + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).path("id").asText();
    HttpResponse<String> started = admin("POST", "/api/admin/campaigns/" + id + "/start", null);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);

    JsonNode done = awaitDone(id);
    assertThat(done.at("/stats/recipients").asLong()).isEqualTo(READERS);
    assertThat(done.at("/stats/sent").asLong()).isEqualTo(READERS);
    Set<String> seeded = IntStream.range(0, READERS).mapToObj(LocalSubscribers::email)
        .collect(Collectors.toSet());
    assertThat(server.ses().sent().stream().flatMap(m -> m.to().stream())
        .filter(seeded::contains).toList()).hasSize(READERS).doesNotHaveDuplicates();
  }

  private static JsonNode awaitDone(String campaign) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    JsonNode json = null;
    while (System.currentTimeMillis() < deadline) {
      HttpResponse<String> r = admin("GET", "/api/admin/campaigns/" + campaign, null);
      json = JSON.readTree(r.body());
      if (json.path("state").asText().equals("done")) {
        return json;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("campaign " + campaign + " not done: " + json);
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
}
