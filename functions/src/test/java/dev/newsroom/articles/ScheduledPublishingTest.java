package dev.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.scheduling.DueJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScheduledPublishingTest {

  static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

  ScheduledNewsroom app;

  @BeforeEach
  void setUp() {
    app = new ScheduledNewsroom();
    assertThat(app.draft("embargo", "Embargoed").getStatusCode()).isEqualTo(201);
  }

  @Test
  void schedule_when_draft_makesItScheduledWithOneJobAndInvisibleToVisitors() throws Exception {
    APIGatewayV2HTTPResponse response = app.schedule("embargo",
        "{\"publishAt\":\"2026-03-02T10:00:00+01:00\",\"newsletter\":true}");

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getBody()).contains("\"status\":\"scheduled\"",
        "\"publishAt\":\"2026-03-02T09:00:00Z\"", "\"newsletter\":true");
    Article stored = app.stored("embargo");
    assertThat(app.jobs.all()).containsExactly(
        new DueJob("article-publish", "embargo", stored.version(), NINE));
    assertThat(app.publicGet("embargo").getStatusCode()).isEqualTo(404);
    assertThat(app.publicList()).isEmpty();
    assertThat(app.editorList("scheduled")).singleElement().satisfies(item -> assertThat(item)
        .containsEntry("slug", "embargo").containsEntry("publishAt", "2026-03-02T09:00:00Z"));
    assertThat(app.editorList("draft")).isEmpty();
  }

  @Test
  void sweep_when_beforeTheTime_publishesNothing() {
    app.schedule("embargo", NINE);

    app.sweepAt(NINE.minusMillis(1));

    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.SCHEDULED);
    assertThat(app.jobs.all()).hasSize(1);
  }

  @Test
  void sweep_when_timeHasCome_publishesOnceAtTheChosenTimeAndRemovesTheJob() throws Exception {
    app.schedule("embargo", NINE);
    long scheduledVersion = app.stored("embargo").version();

    app.sweepAt(NINE.plusSeconds(20));
    app.sweepAt(NINE.plusSeconds(80));

    Article published = app.stored("embargo");
    assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(published.version()).isEqualTo(scheduledVersion + 1);
    assertThat(published.publishedAt()).isEqualTo(NINE);
    assertThat(published.updatedAt()).isEqualTo(NINE.plusSeconds(20));
    assertThat(app.jobs.all()).isEmpty();
    assertThat(app.publicGet("embargo").getStatusCode()).isEqualTo(200);
    assertThat(app.publicList()).extracting(item -> item.get("slug")).containsExactly("embargo");
    assertThat(app.newsletter.started).isEmpty();
  }

  @Test
  void sweep_when_theSameJobFiresTwice_publishesOnce() {
    app.schedule("embargo", NINE);
    DueJob job = app.jobs.all().get(0);
    PublishScheduledArticle publisher = new PublishScheduledArticle(app.repository,
        app.newsletter, app.clock);
    app.clock.advance(Duration.ofMinutes(2));

    publisher.fire(job.targetId(), job.expectedVersion());
    int writes = app.repository.writes();
    publisher.fire(job.targetId(), job.expectedVersion());

    assertThat(app.repository.writes()).isEqualTo(writes);
    assertThat(app.stored("embargo").version()).isEqualTo(job.expectedVersion() + 1);
  }

  @Test
  void fire_when_jobIsForAnOlderScheduledVersion_publishesNothing() {
    app.schedule("embargo", NINE);
    long first = app.stored("embargo").version();
    app.schedule("embargo", NINE.plus(Duration.ofHours(1)));
    app.clock.advance(Duration.ofMinutes(2));

    new PublishScheduledArticle(app.repository, app.newsletter, app.clock).fire("embargo", first);

    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.SCHEDULED);
    assertThat(app.stored("embargo").version()).isEqualTo(first + 1);
  }

  @Test
  void sweep_when_aMinuteWasMissed_theNextSweepPublishes() {
    app.schedule("embargo", NINE);

    app.sweepAt(NINE.plusSeconds(61 + 60));

    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(app.stored("embargo").publishedAt()).isEqualTo(NINE);
  }

  @Test
  void schedule_when_newsletterAsked_startsItOnceAfterPublishing() {
    app.schedule("embargo", "{\"publishAt\":\"" + NINE + "\",\"newsletter\":true}");

    app.sweepAt(NINE);
    app.sweepAt(NINE.plusSeconds(60));

    assertThat(app.newsletter.started).containsExactly("embargo@" + app.stored("embargo").version());
  }

  @Test
  void sweep_when_newsletterStartFails_keepsTheJobAndRetriesOnlyTheNewsletter() {
    app.schedule("embargo", "{\"publishAt\":\"" + NINE + "\",\"newsletter\":true}");
    app.newsletter.failuresLeft = 1;

    app.sweepAt(NINE);
    long publishedVersion = app.stored("embargo").version();
    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(app.jobs.all()).hasSize(1);
    app.sweepAt(NINE.plusSeconds(60));

    assertThat(app.stored("embargo").version()).isEqualTo(publishedVersion);
    assertThat(app.newsletter.started).containsExactly("embargo@" + publishedVersion);
    assertThat(app.jobs.all()).isEmpty();
  }

  @Test
  void reschedule_when_later_theOldTimePublishesNothingAndTheNewOneDoes() {
    app.schedule("embargo", NINE);
    assertThat(app.schedule("embargo", NINE.plus(Duration.ofHours(1))).getStatusCode())
        .isEqualTo(200);

    app.sweepAt(NINE.plusSeconds(30));
    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.SCHEDULED);
    assertThat(app.jobs.all()).extracting(DueJob::dueAt).containsExactly(NINE.plusSeconds(3600));
    app.sweepAt(NINE.plusSeconds(3600));

    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.PUBLISHED);
  }

  @Test
  void reschedule_when_sameTimeAndNewsletter_writesNothing() {
    app.schedule("embargo", NINE);
    int writes = app.repository.writes();

    assertThat(app.schedule("embargo", NINE).getStatusCode()).isEqualTo(200);

    assertThat(app.repository.writes()).isEqualTo(writes);
  }

  @Test
  void unschedule_when_scheduled_goesBackToDraftAndTheTimePublishesNothing() throws Exception {
    app.schedule("embargo", NINE);

    APIGatewayV2HTTPResponse response = app.unschedule("embargo");
    app.sweepAt(NINE.plusSeconds(30));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getBody()).contains("\"status\":\"draft\"").doesNotContain("publishAt");
    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(app.jobs.all()).isEmpty();
    assertThat(app.editorList("scheduled")).isEmpty();
  }

  @Test
  void unschedule_when_draftOrPublished_changesNothing() {
    int writes = app.repository.writes();
    assertThat(app.unschedule("embargo").getStatusCode()).isEqualTo(200);
    app.service.publish("embargo", "alice");
    writes = app.repository.writes();

    assertThat(app.unschedule("embargo").getStatusCode()).isEqualTo(409);
    assertThat(app.repository.writes()).isEqualTo(writes);
  }

  @Test
  void edit_when_scheduled_movesTheJobAndPublishesTheEditedContent() {
    app.schedule("embargo", NINE);
    long before = app.stored("embargo").version();

    assertThat(app.draft("embargo", "Edited title").getStatusCode()).isEqualTo(200);
    assertThat(app.jobs.all()).containsExactly(
        new DueJob("article-publish", "embargo", before + 1, NINE));
    app.sweepAt(NINE);

    assertThat(app.stored("embargo").title()).isEqualTo("Edited title");
    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.PUBLISHED);
  }

  @Test
  void delete_when_scheduled_removesTheJob() {
    app.schedule("embargo", NINE);

    app.service.delete("embargo");
    app.sweepAt(NINE);

    assertThat(app.repository.find("embargo")).isEmpty();
    assertThat(app.jobs.all()).isEmpty();
  }

  @Test
  void publishNow_when_scheduled_publishesAndItsJobLaterDoesNothing() {
    app.schedule("embargo", "{\"publishAt\":\"" + NINE + "\",\"newsletter\":true}");

    Article published = app.service.publish("embargo", "alice");
    int writes = app.repository.writes();
    app.sweepAt(NINE);

    assertThat(app.repository.writes()).isEqualTo(writes);
    assertThat(app.stored("embargo")).isEqualTo(published);
    assertThat(app.newsletter.started).isEmpty();
    assertThat(app.jobs.all()).isEmpty();
  }

  // ---- races: an editor's change lands between the sweep's read and its conditional publish

  @Test
  void race_when_unscheduledWhileTheTriggerFires_staysDraft() {
    app.schedule("embargo", NINE);
    app.sweepSide.beforeNextSave(() -> app.scheduling.unschedule("embargo", "alice"));

    app.sweepAt(NINE);

    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(app.jobs.all()).isEmpty();
    assertThat(app.publicGet("embargo").getStatusCode()).isEqualTo(404);
  }

  @Test
  void race_when_unpublishedWhileTheTriggerFires_staysDraftAndIsNeverRepublished() {
    app.schedule("embargo", NINE);
    app.sweepSide.beforeNextSave(() -> app.service.unpublish("embargo", "alice"));

    app.sweepAt(NINE);
    app.sweepAt(NINE.plusSeconds(60));

    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.DRAFT);
  }

  @Test
  void race_when_unpublishedAfterTheTriggerPublished_aDuplicateTriggerDoesNotRepublish() {
    app.schedule("embargo", NINE);
    DueJob job = app.jobs.all().get(0);
    app.sweepAt(NINE);
    app.service.unpublish("embargo", "alice");
    int writes = app.repository.writes();

    new PublishScheduledArticle(app.repository, app.newsletter, app.clock)
        .fire(job.targetId(), job.expectedVersion());

    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(app.repository.writes()).isEqualTo(writes);
  }

  @Test
  void race_when_rescheduledWhileTheTriggerFires_publishesAtTheNewTimeOnly() {
    app.schedule("embargo", NINE);
    Instant ten = NINE.plus(Duration.ofHours(1));
    app.sweepSide.beforeNextSave(() -> app.scheduling.schedule("embargo",
        new ScheduleRequest(ten.toString(), false), "alice"));

    app.sweepAt(NINE);
    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.SCHEDULED);
    app.sweepAt(ten.minusSeconds(1));
    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.SCHEDULED);
    app.sweepAt(ten);

    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(app.stored("embargo").publishedAt()).isEqualTo(ten);
  }

  @Test
  void race_when_deletedWhileTheTriggerFires_nothingIsPublishedOrRecreated() {
    app.schedule("embargo", NINE);
    app.sweepSide.beforeNextSave(() -> app.service.delete("embargo"));

    app.sweepAt(NINE);

    assertThat(app.repository.find("embargo")).isEmpty();
    assertThat(app.jobs.all()).isEmpty();
    assertThat(app.newsletter.started).isEmpty();
  }

  @Test
  void race_when_editedWhileTheTriggerFires_theEditIsWhatGoesOut() {
    app.schedule("embargo", NINE);
    app.sweepSide.beforeNextSave(() -> app.draft("embargo", "Late fix"));

    app.sweepAt(NINE.plusSeconds(5));
    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.SCHEDULED);
    app.sweepAt(NINE.plusSeconds(65));

    assertThat(app.stored("embargo").status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(app.stored("embargo").title()).isEqualTo("Late fix");
  }

  // ---- bad input: a clear 400 and nothing changes

  @Test
  void schedule_when_badInput_answers400AndChangesNothing() {
    app.service.put("live", new ArticleInput("Live", "", "Body", "markdown", "Ann", null, null,
        null), "alice");
    app.service.publish("live", "alice");
    Instant now = app.clock.now();
    Map<String, String> cases = Map.of(
        "embargo", "{\"publishAt\":\"" + now.minusSeconds(61) + "\"}",
        "embargo ", "{\"publishAt\":\"" + Instant.parse("2028-03-02T09:00:00Z") + "\"}",
        "embargo  ", "{\"publishAt\":\"2026-03-02T10:00:00\"}",
        "embargo   ", "{\"publishAt\":\"tomorrow\"}",
        "embargo    ", "{\"publishAt\":",
        "embargo     ", "{\"newsletter\":true}",
        "embargo      ", "{\"publishAt\":\"" + NINE + "\",\"newsletter\":\"yes\"}",
        "live", "{\"publishAt\":\"" + NINE + "\"}");
    Article embargo = app.stored("embargo");
    Article live = app.stored("live");
    int writes = app.repository.writes();

    cases.forEach((slug, json) -> {
      APIGatewayV2HTTPResponse response = app.schedule(slug.strip(), json);
      assertThat(response.getStatusCode()).as(json).isEqualTo(400);
      assertThat(response.getBody()).as(json).contains("\"error\"");
    });

    assertThat(app.repository.writes()).isEqualTo(writes);
    assertThat(app.stored("embargo")).isEqualTo(embargo);
    assertThat(app.stored("live")).isEqualTo(live);
    assertThat(app.jobs.all()).isEmpty();
  }

  @Test
  void schedule_when_withinTheLastMinuteOrExactlyTwoYearsAhead_isAccepted() {
    Instant now = app.clock.now();

    assertThat(app.schedule("embargo", now.minusSeconds(59)).getStatusCode()).isEqualTo(200);
    assertThat(app.schedule("embargo", Instant.parse("2028-03-02T08:59:00Z")).getStatusCode())
        .isEqualTo(200);
  }

  @Test
  void schedule_when_unknownArticle_answers404() {
    assertThat(app.schedule("nobody", NINE).getStatusCode()).isEqualTo(404);
    assertThat(app.jobs.all()).isEmpty();
  }
}
