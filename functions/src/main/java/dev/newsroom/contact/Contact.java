package dev.newsroom.contact;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.ratelimit.DynamoDbRateLimiter;
import dev.newsroom.shared.Clock;

/** Wires the real adapters for the contact handlers' no-arg constructors. */
final class Contact {

  private Contact() {}

  static ContactService service() {
    return new ContactService(repository(),
        new DynamoDbRateLimiter(AwsClients.dynamoDb(), Env.require("RATE_LIMITS_TABLE"),
            Clock.system()),
        ContactSettings.fromEnv(), Clock.system());
  }

  static ContactInbox inbox() {
    return new ContactInbox(repository(), Clock.system());
  }

  /** The admin functions never enqueue mail, so they are not given the outbox table. */
  private static DynamoDbContactMessageRepository repository() {
    return new DynamoDbContactMessageRepository(AwsClients.dynamoDb(),
        Env.require("CONTACT_MESSAGES_TABLE"), Env.optional("OUTBOX_TABLE").orElse(null));
  }
}
