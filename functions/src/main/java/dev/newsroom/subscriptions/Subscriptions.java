package dev.newsroom.subscriptions;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.ratelimit.DynamoDbRateLimiter;
import dev.newsroom.ratelimit.RateLimiter;
import dev.newsroom.shared.Clock;

/** Wires the real adapters for the subscription handlers' no-arg constructors. */
final class Subscriptions {

  private Subscriptions() {}

  static SubscriptionService service() {
    return new SubscriptionService(repository(), rateLimiter(), signer(), site().name(),
        Clock.system());
  }

  static SubscriberDataService data() {
    return new SubscriberDataService(repository(), rateLimiter(), signer(), site().name(),
        Clock.system());
  }

  static SiteContext site() {
    return SiteContext.fromEnv();
  }

  static MailFeedbackService feedback() {
    return new MailFeedbackService(repository(), Clock.system());
  }

  /** Only functions that send mail are given the outbox table. */
  private static SubscriberRepository repository() {
    return new DynamoDbSubscriberRepository(AwsClients.dynamoDb(),
        Env.require("SUBSCRIBERS_TABLE"), Env.optional("OUTBOX_TABLE").orElse(null));
  }

  /** Functions that never count requests get no rate-limit table and no limiter. */
  private static RateLimiter rateLimiter() {
    return Env.optional("RATE_LIMITS_TABLE")
        .<RateLimiter>map(table -> new DynamoDbRateLimiter(AwsClients.dynamoDb(), table,
            Clock.system()))
        .orElse((scope, subject, limit) -> {
          throw new IllegalStateException("this function has no rate-limit table");
        });
  }

  private static LinkSigner signer() {
    return new LinkSigner(new SecretsManagerLinkKey(AwsClients.secretsManager(),
        Env.require("SUBSCRIPTION_LINK_SECRET")));
  }
}
