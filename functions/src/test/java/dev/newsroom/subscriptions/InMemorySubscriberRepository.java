package dev.newsroom.subscriptions;

import dev.newsroom.mail.EmailMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subscribers in maps, with the conditions of {@link DynamoDbSubscriberRepository}: the version
 * check, new tokens only once, spent tokens once and before expiry, outbox ids once; a change that
 * breaks any of them writes nothing.
 */
final class InMemorySubscriberRepository implements SubscriberRepository {

  private final Map<String, Subscriber> subscribers = new HashMap<>();
  private final Map<String, List<ConsentEvent>> events = new HashMap<>();
  private final Map<String, ConfirmationToken> tokens = new HashMap<>();
  private final Map<String, EmailMessage> outbox = new LinkedHashMap<>();
  /** Runs before each apply: a test's way to let a concurrent request win first. */
  private Runnable beforeApply = () -> { };
  private boolean loseEveryRace;
  private int applies;
  private int erases;

  void beforeApply(Runnable hook) {
    this.beforeApply = hook;
  }

  /** Every conditional write (apply, erase) fails, as if other requests always won. */
  void loseEveryRace() {
    this.loseEveryRace = true;
  }

  @Override
  public Optional<Subscriber> find(String id) {
    return Optional.ofNullable(subscribers.get(id));
  }

  @Override
  public Optional<ConfirmationToken> findToken(String hash) {
    return Optional.ofNullable(tokens.get(hash));
  }

  @Override
  public boolean apply(Change change) {
    applies++;
    Runnable hook = beforeApply;
    beforeApply = () -> { };
    hook.run();
    Subscriber next = change.next();
    Subscriber stored = subscribers.get(next.id());
    long storedVersion = stored == null ? 0 : stored.version();
    if (loseEveryRace || storedVersion != next.version() - 1) {
      return false;
    }
    if (change.newToken() != null && tokens.containsKey(change.newToken().hash())) {
      return false;
    }
    ConfirmationToken spent = null;
    if (change.spentTokenHash() != null) {
      spent = tokens.get(change.spentTokenHash());
      if (spent == null || !spent.isUsable(next.updatedAt())) {
        return false;
      }
    }
    if (change.email() != null && outbox.containsKey(change.email().outboxId())) {
      return false;
    }
    subscribers.put(next.id(), next);
    events.computeIfAbsent(next.id(), id -> new ArrayList<>()).addAll(change.events());
    if (change.newToken() != null) {
      tokens.put(change.newToken().hash(), change.newToken());
    }
    if (spent != null) {
      tokens.put(spent.hash(), new ConfirmationToken(spent.hash(), spent.subscriberId(),
          spent.signupId(), spent.page(), spent.consentVersion(), spent.createdAt(),
          spent.expiresAt(), next.updatedAt()));
    }
    if (change.email() != null) {
      outbox.put(change.email().outboxId(), change.email().message());
    }
    return true;
  }

  @Override
  public List<ConsentEvent> events(String id) {
    return List.copyOf(events.getOrDefault(id, List.of()));
  }

  @Override
  public boolean erase(Subscriber tombstone) {
    erases++;
    Subscriber stored = subscribers.get(tombstone.id());
    if (loseEveryRace || (stored == null ? 0 : stored.version()) != tombstone.version() - 1) {
      return false;
    }
    subscribers.put(tombstone.id(), tombstone);
    events.remove(tombstone.id());
    return true;
  }

  @Override
  public void deleteEvents(String id) {
    events.remove(id);
  }

  /** Stores a state directly, as if earlier requests had made it. */
  void put(Subscriber subscriber) {
    subscribers.put(subscriber.id(), subscriber);
  }

  /** Queued emails in order. */
  List<EmailMessage> emails() {
    return List.copyOf(outbox.values());
  }

  List<String> outboxIds() {
    return List.copyOf(outbox.keySet());
  }

  int applies() {
    return applies;
  }

  int erases() {
    return erases;
  }
}
