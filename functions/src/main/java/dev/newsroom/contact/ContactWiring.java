package dev.newsroom.contact;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.ratelimit.DynamoDbRateLimiter;
import dev.newsroom.shared.Clock;

/** Wires the real adapters for the contact handlers' no-arg constructors. */
final class ContactWiring {

  private ContactWiring() {}

  static ContactService service() {
    return new ContactService(repository(Env.require("OUTBOX_TABLE")),
        new DynamoDbRateLimiter(AwsClients.dynamoDb(), Env.require("RATE_LIMITS_TABLE"),
            Clock.system()),
        ContactSettings.fromEnv(), Clock.system());
  }

  static ContactInbox inbox() {
    return new ContactInbox(repository(null), Clock.system());
  }

  /** The admin functions never enqueue mail: they neither get nor read the outbox table. */
  private static DynamoDbContactMessageRepository repository(String outboxTable) {
    return new DynamoDbContactMessageRepository(AwsClients.dynamoDb(),
        Env.require("CONTACT_MESSAGES_TABLE"), outboxTable);
  }
}
