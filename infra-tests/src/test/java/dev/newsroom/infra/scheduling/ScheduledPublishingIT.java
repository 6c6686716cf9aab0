package dev.newsroom.infra.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.articles.DynamoDbArticleRepository;
import dev.newsroom.articles.PublishScheduledArticle;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.local.Newsroom;
import dev.newsroom.scheduling.DueJob;
import dev.newsroom.scheduling.DueJobSweep;
import dev.newsroom.scheduling.DynamoDbDueJobRepository;
import dev.newsroom.shared.MutableClock;
import dev.newsroom.web.ApiEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scheduled publishing through the real handlers, the real adapters and DynamoDB Local: the
 * publish job written in the article's transaction, the sweep over the jobs table, a duplicate
 * trigger and a missed one. The sweep's clock is moved by hand; everything else is as deployed.
 */
@ExtendWith(LocalCloud.class)
class ScheduledPublishingIT {

  private static Newsroom newsroom;
  private static String key;
  private static DynamoDbDueJobRepository jobs;
  private static final List<String> NEWSLETTERS = new ArrayList<>();

  @BeforeAll
  static void setUp() {
    newsroom = new Newsroom();
    key = newsroom.keys().mint("schedule-editor").plaintext();
    jobs = new DynamoDbDueJobRepository(AwsClients.dynamoDb(), Env.require("SCHEDULED_JOBS_TABLE"));
  }

  @Test
  void sweep_when_scheduledArticleIsDue_publishesItOnceAndRemovesItsJob() {
    String slug = Newsroom.uniqueSlug("sched");
    Instant at = inOneHour();
    draft(slug, "Morning edition");
    assertThat(schedule(slug, at, true).getStatusCode()).isEqualTo(200);
    long scheduledVersion = version(slug);
    assertThat(jobsOf(slug)).containsExactly(
        new DueJob("article-publish", slug, scheduledVersion, at));
    MutableClock clock = new MutableClock(at.minusMillis(1));

    DueJobSweep.Result early = sweep(clock).sweep();
    assertThat(get(slug).getStatusCode()).isEqualTo(404);
    clock.advance(Duration.ofSeconds(20));
    DueJobSweep.Result due = sweep(clock).sweep();

    assertThat(early.fired()).isZero();
    assertThat(due.fired()).isGreaterThanOrEqualTo(1);
    APIGatewayV2HTTPResponse read = get(slug);
    assertThat(read.getStatusCode()).isEqualTo(200);
    assertThat(ApiEvents.json(read).path("publishedAt").asText()).isEqualTo(at.toString());
    assertThat(version(slug)).isEqualTo(scheduledVersion + 1);
    assertThat(jobsOf(slug)).isEmpty();
    assertThat(NEWSLETTERS).contains(slug + "@" + (scheduledVersion + 1));
  }

  @Test
  void fire_when_twoSweepsFireTheSameJobAtOnce_publishesOnce() throws Exception {
    String slug = Newsroom.uniqueSlug("sched-dup");
    Instant at = inOneHour();
    draft(slug, "Duplicate trigger");
    schedule(slug, at, false);
    long scheduledVersion = version(slug);
    MutableClock clock = new MutableClock(at.plusSeconds(1));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Void> fire = () -> {
        publisher(clock).fire(slug, scheduledVersion);
        return null;
      };
      List<Future<Void>> both = pool.invokeAll(List.of(fire, fire));
      for (Future<Void> each : both) {
        each.get();
      }
    } finally {
      pool.shutdown();
    }
    publisher(clock).fire(slug, scheduledVersion);

    assertThat(version(slug)).isEqualTo(scheduledVersion + 1);
    assertThat(get(slug).getStatusCode()).isEqualTo(200);
    sweep(clock).sweep();
    assertThat(jobsOf(slug)).isEmpty();
  }

  @Test
  void sweep_when_aMinuteWasMissed_theNextMinuteCatchesIt() {
    String slug = Newsroom.uniqueSlug("sched-missed");
    Instant at = inOneHour();
    draft(slug, "Missed minute");
    schedule(slug, at, false);
    // the sweep of at+0..59 s never ran (throttled, failed or dropped): the next one does
    MutableClock clock = new MutableClock(at.plusSeconds(61 + 59));

    DueJobSweep.Result next = sweep(clock).sweep();

    assertThat(next.fired()).isGreaterThanOrEqualTo(1);
    assertThat(next.maxLateness()).isGreaterThanOrEqualTo(Duration.ofSeconds(120));
    assertThat(get(slug).getStatusCode()).isEqualTo(200);
    assertThat(jobsOf(slug)).isEmpty();
  }

  @Test
  void changes_when_rescheduledEditedUnscheduledOrDeleted_moveOrRemoveTheJobAtOnce() {
    String slug = Newsroom.uniqueSlug("sched-move");
    Instant at = inOneHour();
    draft(slug, "Moving target");
    schedule(slug, at, false);

    schedule(slug, at.plusSeconds(600), false);
    assertThat(jobsOf(slug)).extracting(DueJob::dueAt).containsExactly(at.plusSeconds(600));
    draft(slug, "Moving target, edited");
    assertThat(jobsOf(slug)).singleElement()
        .satisfies(job -> assertThat(job.expectedVersion()).isEqualTo(version(slug)));
    // the sweep at the first time finds nothing due; the edited version goes out at the new one
    sweep(new MutableClock(at.plusSeconds(30))).sweep();
    assertThat(get(slug).getStatusCode()).isEqualTo(404);
    assertThat(admin("DELETE", "/schedule", "UnscheduleArticleFunction", slug).getStatusCode())
        .isEqualTo(200);
    assertThat(jobsOf(slug)).isEmpty();
    schedule(slug, at, false);
    assertThat(admin("DELETE", "", "DeleteArticleFunction", slug).getStatusCode()).isEqualTo(204);

    assertThat(jobsOf(slug)).isEmpty();
    assertThat(newsroom.itemsOf(slug)).isEmpty();
  }

  private static Instant inOneHour() {
    return Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
  }

  private static DueJobSweep sweep(MutableClock clock) {
    return new DueJobSweep(jobs, List.of(publisher(clock)), clock, Duration.ofSeconds(40));
  }

  private static PublishScheduledArticle publisher(MutableClock clock) {
    return new PublishScheduledArticle(new DynamoDbArticleRepository(AwsClients.dynamoDb(),
        Env.require("ARTICLES_TABLE"), Env.require("SCHEDULED_JOBS_TABLE")),
        (slug, version) -> {
          synchronized (NEWSLETTERS) {
            NEWSLETTERS.add(slug + "@" + version);
          }
        }, clock);
  }

  /** Jobs of one article, read from the table as the sweep does (far-future bound). */
  private static List<DueJob> jobsOf(String slug) {
    return jobs.due(Instant.now().plus(Duration.ofDays(800)), 1000).stream()
        .filter(job -> job.targetId().equals(slug)).toList();
  }

  private static void draft(String slug, String title) {
    APIGatewayV2HTTPResponse response = newsroom.invoke("PutArticleFunction",
        ApiEvents.request("PUT", "/api/admin/articles/" + slug).bearer(key)
            .pathParameter("slug", slug).json("{\"title\":\"" + title + "\",\"author\":\"Ann\","
                + "\"body\":\"News.\"}").build());
    assertThat(response.getStatusCode()).as(response.getBody()).isBetween(200, 201);
  }

  private static APIGatewayV2HTTPResponse schedule(String slug, Instant at, boolean newsletter) {
    APIGatewayV2HTTPResponse response = newsroom.invoke("ScheduleArticleFunction",
        ApiEvents.request("POST", "/api/admin/articles/" + slug + "/schedule").bearer(key)
            .pathParameter("slug", slug)
            .json("{\"publishAt\":\"" + at + "\",\"newsletter\":" + newsletter + "}").build());
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return response;
  }

  private static APIGatewayV2HTTPResponse admin(String method, String suffix, String function,
      String slug) {
    return newsroom.invoke(function, ApiEvents.request(method, "/api/admin/articles/" + slug
        + suffix).bearer(key).pathParameter("slug", slug).build());
  }

  private static APIGatewayV2HTTPResponse get(String slug) {
    return newsroom.invoke("GetArticleFunction", ApiEvents.request("GET", "/api/articles/" + slug)
        .pathParameter("slug", slug).build());
  }

  private static long version(String slug) {
    return Long.parseLong(newsroom.itemsOf(slug).stream()
        .filter(item -> item.get("sk").s().equals("article")).findFirst().orElseThrow()
        .get("version").n());
  }
}
