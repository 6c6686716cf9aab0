package dev.newsroom.subscriptions;

import java.time.Instant;
import java.util.List;

/** Everything held about one subscriber: the subscription and its consent log. */
public record SubscriberExport(Subscriber subscriber, List<ConsentEvent> events,
    Instant exportedAt) {

  public SubscriberExport {
    events = List.copyOf(events);
  }
}
