package dev.newsroom.infra.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.local.MotoServer;
import dev.newsroom.infra.local.Newsroom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The replay plan of {@code events/index.json}: each sample event, in order, to its function,
 * checked against what the plan says it answers. How an event reaches its function is the
 * caller's: the handler classes in this JVM ({@link ReplayEventsIT}), or each function's
 * deployment package alone (the package tests).
 */
public final class EventReplay {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Hands one event (JSON) to a function and returns its answer as Lambda would send it back. */
  public interface Invoker {
    JsonNode invoke(String functionId, String eventJson) throws Exception;
  }

  private EventReplay() {}

  public static JsonNode index() throws IOException {
    return JSON.readTree(events().resolve("index.json").toFile());
  }

  public static Path events() {
    return LocalCloud.root().resolve("events");
  }

  /**
   * Replays every event. The admin events get a freshly minted key; the samples' slug and
   * idempotency keys become values nobody else uses (prefixed with {@code run}), so that a replay
   * against a kept store starts afresh. The mail sender's SES is {@code moto}.
   */
  public static void run(String run, Newsroom newsroom, MotoServer moto, Invoker invoker)
      throws Exception {
    JsonNode index = index();
    String slug = Newsroom.uniqueSlug(run);
    Map<String, String> replacements = new LinkedHashMap<>();
    replacements.put("${EDITOR_KEY}", newsroom.keys().mint(run + "-editor").plaintext());
    // a scheduled article's publishAt: valid whenever the replay runs, and never due during it
    replacements.put("${IN_ONE_HOUR}",
        java.time.Instant.now().plus(java.time.Duration.ofHours(1)).truncatedTo(
            java.time.temporal.ChronoUnit.SECONDS).toString());
    replacements.put(index.path("slug").asText(), slug);
    // The samples' client address and reader, ones of their own per replay: the rate limits (10
    // signups an hour per IP, 5 per email address) would otherwise refuse a second replay
    // against the same store (the package tests replay after ReplayEventsIT).
    String reader = "reader-" + Integer.toHexString(
        java.util.concurrent.ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
    replacements.put("reader@example.org", reader + "@example.org");
    replacements.put("reader%40example.org", reader + "%40example.org");
    replacements.put("203.0.113.7", "2001:db8::" + Integer.toHexString(
        java.util.concurrent.ThreadLocalRandom.current().nextInt(0x1000, 0x10000)) + ":"
        + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current()
            .nextInt(0x1000, 0x10000)));
    index.path("unique").forEach(sample ->
        replacements.put(sample.asText(), Newsroom.uniqueSlug(sample.asText())));

    for (JsonNode entry : index.path("events")) {
      String file = entry.path("file").asText();
      String json = Files.readString(events().resolve(file));
      for (Map.Entry<String, String> replacement : replacements.entrySet()) {
        json = json.replace(replacement.getKey(), replacement.getValue());
      }
      assertThat(json).as(file + " has a placeholder the replay does not fill")
          .doesNotContain("${");
      int emailsBefore = entry.has("emails") ? moto.rawEmails().size() : 0;

      // when
      JsonNode answer = invoker.invoke(entry.path("function").asText(), json);

      // then
      if (entry.has("batchItemFailures")) {
        assertThat(answer.path("batchItemFailures").size()).as(file + " -> " + answer)
            .isEqualTo(entry.path("batchItemFailures").asInt());
      } else if (entry.has("completes")) {
        // a direct invocation or an SNS notification: no exception means it did its work
        assertThat(entry.path("completes").asBoolean()).as(file).isTrue();
      } else {
        int status = answer.path("statusCode").asInt();
        assertThat(status).as(file + " -> " + answer).isEqualTo(entry.path("status").asInt());
        boolean page = answer.at("/headers/Content-Type").asText().startsWith("text/html");
        String text = answer.path("body").asText();
        if (status >= 400) {
          // API errors are JSON; a link opened in a browser gets a page saying what went wrong
          if (page) {
            assertThat(text).as(file).contains("<h1");
          } else {
            assertThat(JSON.readTree(text).at("/error/code").isTextual()).as(file + " -> "
                + answer).isTrue();
          }
        }
        // a value the answer gave (e.g. a message id) replaces its sample in later events
        for (Map.Entry<String, JsonNode> capture : entry.path("captures").properties()) {
          String value = JSON.readTree(text).at(capture.getKey()).asText();
          assertThat(value).as(file + " answers " + capture.getKey()).isNotEmpty();
          replacements.put(capture.getValue().asText(), value);
        }
      }
      if (entry.has("emails")) {
        assertThat(moto.rawEmails()).as(file + ": emails SES (moto) accepted")
            .hasSize(emailsBefore + entry.path("emails").asInt());
      }
    }
    assertThat(newsroom.itemsOf(slug)).as("the replay ends with a delete").isEmpty();
  }
}
