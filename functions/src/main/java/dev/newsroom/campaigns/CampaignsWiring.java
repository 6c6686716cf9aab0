package dev.newsroom.campaigns;

import dev.newsroom.articles.DynamoDbArticleRepository;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.config.Lazy;
import dev.newsroom.newsletter.NewslettersWiring;
import dev.newsroom.scheduling.DynamoDbDueJobRepository;
import dev.newsroom.shared.Clock;
import dev.newsroom.subscriptions.DynamoDbConfirmedSubscribers;
import dev.newsroom.subscriptions.DynamoDbSubscriberRepository;
import java.time.Duration;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires the real adapters for the campaign functions' no-arg constructors. Each port is built on
 * its first call ({@link Lazy}), so a function reads only the configuration its use case needs,
 * and template.yaml gives it only that (TemplateConsistencyTest checks the policies cover it).
 */
public final class CampaignsWiring {

  private CampaignsWiring() {}

  /** The editors' use cases and publishing's newsletter. */
  public static CampaignService service() {
    return new CampaignService(repository(), articles(), directory(), composer(), mailer(),
        queue(), Lazy.of(StartScheduler.class, () -> new DueJobStartScheduler(
            new DynamoDbDueJobRepository(AwsClients.dynamoDb(),
                Env.require("SCHEDULED_JOBS_TABLE")))), Clock.system());
  }

  /** The newsletter of an article published with "newsletter": true. */
  public static ArticleNewsletter newsletter() {
    return new ArticleNewsletter(articles(), service());
  }

  static AudienceWork work() {
    return new AudienceWork(repository(), directory(), queue(), Clock.system());
  }

  static CampaignSender sender() {
    SendLimit limit = new SendLimit(new SesAccountSendQuota(SesClients.CLIENT),
        Integer.parseInt(Env.optional("CAMPAIGN_MAX_SEND_RATE").orElse("0")), Clock.system());
    SendRate rate = new PerSecondSendRate(
        new DynamoDbSecondCounters(AwsClients.dynamoDb(), table()), limit::perSecond,
        Integer.parseInt(Env.require("CAMPAIGN_SENDER_CONCURRENCY")), Clock.system());
    return new CampaignSender(repository(), directory(), composer(), mailer(), rate, queue(),
        Clock.system(), Sleeper.system());
  }

  static CampaignFeedback feedback() {
    return new CampaignFeedback(repository());
  }

  private static String table() {
    return Env.require("CAMPAIGNS_TABLE");
  }

  private static CampaignRepository repository() {
    return Lazy.of(CampaignRepository.class,
        () -> new DynamoDbCampaignRepository(AwsClients.dynamoDb(), table()));
  }

  private static ArticleSource articles() {
    return Lazy.of(ArticleSource.class, () -> new RepositoryArticleSource(
        new DynamoDbArticleRepository(AwsClients.dynamoDb(), Env.require("ARTICLES_TABLE"))));
  }

  private static SubscriberDirectory directory() {
    return Lazy.of(SubscriberDirectory.class, () -> {
      String subscribers = Env.require("SUBSCRIBERS_TABLE");
      return new SubscriptionsDirectory(
          new DynamoDbSubscriberRepository(AwsClients.dynamoDb(), subscribers, null),
          new DynamoDbConfirmedSubscribers(AwsClients.dynamoDb(), subscribers));
    });
  }

  private static CampaignComposer composer() {
    return Lazy.of(CampaignComposer.class,
        () -> new NewsletterComposer(NewslettersWiring.renderer()));
  }

  private static CampaignMailer mailer() {
    return Lazy.of(CampaignMailer.class, () -> new SesCampaignMailer(SesClients.CLIENT,
        Env.require("MAIL_FROM"), Env.optional("SES_CONFIGURATION_SET").orElse(null)));
  }

  /** Each queue's URL only where the function may send to it (template.yaml). */
  private static CampaignQueue queue() {
    return Lazy.of(CampaignQueue.class, () -> new SqsCampaignQueue(SqsClients.CLIENT,
        Env.optional("CAMPAIGN_JOBS_QUEUE_URL").orElse(null),
        Env.optional("CAMPAIGN_SENDS_QUEUE_URL").orElse(null)));
  }

  /** One attempt per call: a retried send could mail a reader twice. */
  private static final class SesClients {
    static final SesV2Client CLIENT = SesV2Client.builder()
        .region(AwsClients.region())
        .credentialsProvider(AwsClients.credentials())
        .httpClient(AwsClients.httpClient())
        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))
            .apiCallTimeout(Duration.ofSeconds(20)))
        .build();
  }

  private static final class SqsClients {
    static final SqsClient CLIENT = SqsClient.builder()
        .region(AwsClients.region())
        .credentialsProvider(AwsClients.credentials())
        .httpClient(AwsClients.httpClient())
        .build();
  }
}
