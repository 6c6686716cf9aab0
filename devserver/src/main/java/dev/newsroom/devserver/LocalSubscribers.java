package dev.newsroom.devserver;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.subscriptions.DynamoDbSubscriberRepository;
import dev.newsroom.subscriptions.Subscriber;
import dev.newsroom.subscriptions.SubscriberIds;
import dev.newsroom.subscriptions.SubscriberRepository;
import dev.newsroom.subscriptions.SubscriberStatus;
import dev.newsroom.subscriptions.Topics;
import java.time.Instant;
import java.util.List;

/**
 * Confirmed subscribers for trying a campaign locally (issue 11: "a campaign to 1,000 local
 * subscribers can be watched as it progresses"), written through the real repository as a
 * confirmed signup is stored. Signing up through the form is limited to 10 an hour per address,
 * so a thousand readers cannot come that way.
 */
final class LocalSubscribers {

  private LocalSubscribers() {}

  /** The address of seeded reader {@code i}. */
  static String email(int i) {
    return "reader" + i + "@subscribers.example.org";
  }

  /**
   * Stores readers 0 to {@code count - 1}, following all news; those already stored (a kept
   * data folder) are left as they are.
   *
   * @return how many were new
   */
  static int seed(int count) {
    SubscriberRepository repository = new DynamoDbSubscriberRepository(AwsClients.dynamoDb(),
        Env.require("SUBSCRIBERS_TABLE"), null);
    Instant now = Instant.now();
    int added = 0;
    for (int i = 0; i < count; i++) {
      EmailAddress address = EmailAddress.parse(email(i));
      Subscriber confirmed = new Subscriber(SubscriberIds.of(address), address.value(), null,
          SubscriberStatus.CONFIRMED, "seed-" + i, "/", now, now, now, null, null, null, null,
          now, null, null, Topics.ALL, 1);
      if (repository.apply(new SubscriberRepository.Change(confirmed, List.of(), null, null,
          null))) {
        added++;
      }
    }
    return added;
  }
}
