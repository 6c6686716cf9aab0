package dev.newsroom.sweep;

import dev.newsroom.articles.DynamoDbArticleRepository;
import dev.newsroom.campaigns.CampaignService;
import dev.newsroom.campaigns.CampaignStartJob;
import dev.newsroom.campaigns.CampaignsWiring;
import dev.newsroom.articles.PublishScheduledArticle;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.scheduling.DueJobHandler;
import dev.newsroom.scheduling.DueJobSweep;
import dev.newsroom.scheduling.DynamoDbDueJobRepository;
import dev.newsroom.shared.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The composition root of the sweep: the one place that knows every kind of due job. A feature
 * adds its {@link DueJobHandler} to {@link #handlers}; the scheduling package itself depends on
 * no feature.
 */
final class SweepWiring {

  /** The function's timeout is 60 s; no new page is taken after this, so a pass ends in time. */
  static final Duration BUDGET = Duration.ofSeconds(40);

  private SweepWiring() {}

  static DueJobSweep sweep() {
    String jobsTable = Env.require("SCHEDULED_JOBS_TABLE");
    return new DueJobSweep(new DynamoDbDueJobRepository(AwsClients.dynamoDb(), jobsTable),
        handlers(jobsTable), Clock.system(), BUDGET);
  }

  static List<DueJobHandler> handlers(String jobsTable) {
    CampaignService campaigns = CampaignsWiring.service();
    return List.of(
        new PublishScheduledArticle(new DynamoDbArticleRepository(AwsClients.dynamoDb(),
            Env.require("ARTICLES_TABLE"), jobsTable), CampaignsWiring.newsletter(), Clock.system()),
        new CampaignStartJob(campaigns));
  }
}
