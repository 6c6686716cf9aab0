package dev.newsroom.subscriptions;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.ratelimit.DynamoDbRateLimiter;
import dev.newsroom.ratelimit.RateLimiter;
import dev.newsroom.shared.Clock;

/**
 * Wires the real adapters for the subscription handlers' no-arg constructors. Each function reads
 * only the configuration its use case needs (template.yaml gives it exactly that): only those
 * that send mail know the outbox, only those that count requests the rate-limit table.
 */
final class SubscriptionsWiring {

  /** For use cases that never count requests; reaching it is a wiring mistake. */
  private static final RateLimiter NO_LIMITS = (scope, subject, limit) -> {
    throw new IllegalStateException("this function counts no requests");
  };

  private SubscriptionsWiring() {}

  /** Signup: mails the confirmation, counts requests. */
  static SubscriptionService signups() {
    return new SubscriptionService(repository(outbox()), rateLimiter(), signer(), site().name(),
        Clock.system());
  }

  /** Confirmation: mails the welcome. */
  static SubscriptionService confirmations() {
    return new SubscriptionService(repository(outbox()), NO_LIMITS, signer(), site().name(),
        Clock.system());
  }

  /** Unsubscribe: sends nothing; counts on the mailing whose link it came from. */
  static SubscriptionService unsubscribes(UnsubscribeCounter counter) {
    return new SubscriptionService(repository(null), NO_LIMITS, signer(), site().name(),
        Clock.system(), counter);
  }

  /** Data requests: mail the links, count requests. */
  static SubscriberDataService dataRequests() {
    return new SubscriberDataService(repository(outbox()), rateLimiter(), signer(),
        site().name(), Clock.system());
  }

  /** Export and erase: through a signed link, sending nothing. */
  static SubscriberDataService dataLinks() {
    return new SubscriberDataService(repository(null), NO_LIMITS, signer(), site().name(),
        Clock.system());
  }

  /** Topics, through a newsletter's preferences link: sends nothing, counts nothing. */
  static PreferencesService preferences() {
    return new PreferencesService(repository(null), signer(), Clock.system());
  }

  static MailFeedbackService feedback() {
    return new MailFeedbackService(repository(null), Clock.system());
  }

  static SiteContext site() {
    return SiteContext.fromEnv();
  }

  private static String outbox() {
    return Env.require("OUTBOX_TABLE");
  }

  private static SubscriberRepository repository(String outboxTable) {
    return new DynamoDbSubscriberRepository(AwsClients.dynamoDb(),
        Env.require("SUBSCRIBERS_TABLE"), outboxTable);
  }

  private static RateLimiter rateLimiter() {
    return new DynamoDbRateLimiter(AwsClients.dynamoDb(), Env.require("RATE_LIMITS_TABLE"),
        Clock.system());
  }

  private static LinkSigner signer() {
    return new LinkSigner(new SecretsManagerLinkKey(AwsClients.secretsManager(),
        Env.require("SUBSCRIPTION_LINK_SECRET")));
  }
}
