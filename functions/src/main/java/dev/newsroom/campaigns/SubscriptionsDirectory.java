package dev.newsroom.campaigns;

import dev.newsroom.shared.Page;
import dev.newsroom.subscriptions.ConfirmedSubscribers;
import dev.newsroom.subscriptions.Subscriber;
import dev.newsroom.subscriptions.SubscriberRepository;
import dev.newsroom.subscriptions.SubscriberStatus;
import java.util.Optional;

/** The subscriptions feature's subscribers, as campaigns see them. */
public final class SubscriptionsDirectory implements SubscriberDirectory {

  private final SubscriberRepository subscribers;
  private final ConfirmedSubscribers confirmed;

  public SubscriptionsDirectory(SubscriberRepository subscribers,
      ConfirmedSubscribers confirmed) {
    this.subscribers = subscribers;
    this.confirmed = confirmed;
  }

  @Override
  public Page<Entry> confirmed(String cursor, int limit) {
    Page<Subscriber> page = confirmed.page(cursor, limit);
    return new Page<>(page.items().stream().map(SubscriptionsDirectory::entry).toList(),
        page.nextCursor());
  }

  @Override
  public Optional<Entry> find(String id) {
    return subscribers.find(id).map(SubscriptionsDirectory::entry);
  }

  static Entry entry(Subscriber s) {
    return new Entry(s.id(), s.email(), unmailable(s), s.topics().all(), s.topics().tags());
  }

  private static String unmailable(Subscriber s) {
    if (s.email() == null) {
      return "erased";
    }
    return s.status() == SubscriberStatus.CONFIRMED ? null
        : s.status() == SubscriberStatus.PENDING ? "unconfirmed" : s.status().wire();
  }
}
