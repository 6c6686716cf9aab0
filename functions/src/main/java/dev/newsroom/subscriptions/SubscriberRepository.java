package dev.newsroom.subscriptions;

import dev.newsroom.mail.EmailMessage;
import java.util.List;
import java.util.Optional;

/** Subscribers, their confirmation tokens and consent logs, and the emails changes cause. */
public interface SubscriberRepository {

  /** An email to put in the outbox, under an id that says what it is for. */
  record OutgoingEmail(String outboxId, EmailMessage message) {}

  /**
   * One state change, written all together or not at all.
   *
   * @param next the subscriber's new state; stored only if the stored version is
   *     {@code next.version() - 1} (absent when that is 0)
   * @param events consent log entries to append
   * @param newToken a confirmation token to store, or null
   * @param spentTokenHash a token this change uses up, or null; it must still be unused and
   *     unexpired at {@code next.updatedAt()}
   * @param email an email to enqueue in the same transaction, or null
   */
  record Change(Subscriber next, List<ConsentEvent> events, ConfirmationToken newToken,
      String spentTokenHash, OutgoingEmail email) {

    public Change {
      events = List.copyOf(events);
    }
  }

  /** The subscriber with this id, read consistently. */
  Optional<Subscriber> find(String id);

  Optional<ConfirmationToken> findToken(String hash);

  /**
   * Applies a change atomically.
   *
   * @return false when a condition failed (another request changed the subscriber or spent the
   *     token first), in which case nothing was written
   * @throws dev.newsroom.shared.UnavailableException when the store is throttled or down
   */
  boolean apply(Change change);

  /** The consent log, oldest first. */
  List<ConsentEvent> events(String id);

  /**
   * Replaces the subscriber with its tombstone (if the stored version is still
   * {@code tombstone.version() - 1}) and then deletes its consent log.
   *
   * @return false when the subscriber changed meanwhile and nothing was written
   */
  boolean erase(Subscriber tombstone);

  /** Deletes what is left of a consent log after an erase was interrupted; the profile stays. */
  void deleteEvents(String id);
}
