package dev.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The scheduling sample events of events/, as `sam local invoke -e` would send them. */
class ScheduleSampleEventsTest {

  private static final ObjectMapper EVENTS = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @Test
  void sampleEvents_when_replayed_scheduleThenUnscheduleTheSampleArticle() throws Exception {
    ScheduledNewsroom app = new ScheduledNewsroom();
    app.draft("hello-newsroom", "Hello");
    Instant inOneHour = app.clock.now().plus(Duration.ofHours(1));

    var scheduled = app.schedule.handleRequest(event("schedule-article.json", app.key,
        inOneHour), null);
    var unscheduled = app.unschedule.handleRequest(event("unschedule-article.json", app.key,
        inOneHour), null);

    assertThat(scheduled.getStatusCode()).as(scheduled.getBody()).isEqualTo(200);
    assertThat(scheduled.getBody()).contains("\"status\":\"scheduled\"", "\"newsletter\":true",
        "\"publishAt\":\"" + inOneHour + "\"");
    assertThat(unscheduled.getStatusCode()).isEqualTo(200);
    assertThat(app.stored("hello-newsroom").status()).isEqualTo(ArticleStatus.DRAFT);
  }

  @Test
  void sampleEvent_when_scheduledAndSwept_publishesTheSampleArticleAtItsTime() throws Exception {
    ScheduledNewsroom app = new ScheduledNewsroom();
    app.draft("hello-newsroom", "Hello");
    Instant inOneHour = app.clock.now().plus(Duration.ofHours(1));
    app.schedule.handleRequest(event("schedule-article.json", app.key, inOneHour), null);

    app.sweepAt(inOneHour);

    assertThat(app.stored("hello-newsroom").status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(app.newsletter.started).hasSize(1);
  }

  static APIGatewayV2HTTPEvent event(String file, String editorKey, Instant publishAt)
      throws Exception {
    String json = Files.readString(Path.of("..", "events").resolve(file))
        .replace("${EDITOR_KEY}", editorKey).replace("${IN_ONE_HOUR}", publishAt.toString());
    return EVENTS.readValue(json, APIGatewayV2HTTPEvent.class);
  }
}
