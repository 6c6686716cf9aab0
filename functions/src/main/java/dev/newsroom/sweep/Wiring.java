package dev.newsroom.sweep;

import dev.newsroom.articles.DynamoDbArticleRepository;
import dev.newsroom.articles.NewsletterTrigger;
import dev.newsroom.articles.PublishScheduledArticle;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.scheduling.DueJobHandler;
import dev.newsroom.scheduling.DueJobSweep;
import dev.newsroom.scheduling.DynamoDbDueJobRepository;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Log;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The composition root of the sweep: the one place that knows every kind of due job. A feature
 * adds its {@link DueJobHandler} to {@link #handlers}; the scheduling package itself depends on
 * no feature.
 */
final class Wiring {

  /** The function's timeout is 60 s; no new page is taken after this, so a pass ends in time. */
  static final Duration BUDGET = Duration.ofSeconds(40);

  private Wiring() {}

  static DueJobSweep sweep() {
    String jobsTable = Env.require("SCHEDULED_JOBS_TABLE");
    return new DueJobSweep(new DynamoDbDueJobRepository(AwsClients.dynamoDb(), jobsTable),
        handlers(jobsTable), Clock.system(), BUDGET);
  }

  static List<DueJobHandler> handlers(String jobsTable) {
    return List.of(
        new PublishScheduledArticle(new DynamoDbArticleRepository(AwsClients.dynamoDb(),
            Env.require("ARTICLES_TABLE"), jobsTable), newsletterTrigger(), Clock.system()));
  }

  /**
   * Seam for the campaigns feature (issue 11): until it is merged, a newsletter asked for by a
   * schedule is recorded on the published article ({@code newsletter: true}) and logged here, and
   * no email is sent. Wiring the campaign start in its place is the whole integration.
   */
  private static NewsletterTrigger newsletterTrigger() {
    return (slug, version) -> Log.info("article.newsletter_requested",
        Map.of("slug", slug, "version", version));
  }
}
