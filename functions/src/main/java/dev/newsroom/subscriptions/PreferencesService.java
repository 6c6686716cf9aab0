package dev.newsroom.subscriptions;

import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Log;
import dev.newsroom.shared.UnavailableException;
import dev.newsroom.subscriptions.ConsentEvent.Type;
import dev.newsroom.subscriptions.SubscriberRepository.Change;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The preferences page behind a newsletter's personal link: which topics a subscriber follows.
 * The link is signed for this purpose only (an unsubscribe, export or erase link opens nothing
 * here, and a preferences link does nothing there) and expires; nothing is stored per link.
 */
public final class PreferencesService {

  /** What a working link shows: the topics, and a token for the page's unsubscribe button. */
  public record View(Topics topics, String unsubscribeToken) {}

  /** What a change came to. */
  public enum Result {
    SAVED,
    /** The address gets no newsletter (unsubscribed, suppressed, erased): nothing to choose. */
    NOT_SUBSCRIBED,
    /** Forged, expired, or signed for another purpose. */
    INVALID_LINK
  }

  private final SubscriberRepository repository;
  private final LinkSigner signer;
  private final Clock clock;

  PreferencesService(SubscriberRepository repository, LinkSigner signer, Clock clock) {
    this.repository = repository;
    this.signer = signer;
    this.clock = clock;
  }

  /** ACTIONABLE for a subscriber who gets mail, DONE for one who no longer does. */
  public LinkState state(String token) {
    Optional<String> id = verify(token);
    if (id.isEmpty()) {
      return LinkState.INVALID;
    }
    return mailable(id.get()).isPresent() ? LinkState.ACTIONABLE : LinkState.DONE;
  }

  /** The page's content, when the link works and the subscriber gets mail. */
  public Optional<View> view(String token) {
    return verify(token).flatMap(this::mailable).map(s -> new View(s.topics(),
        signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, s.id(), null)));
  }

  /**
   * Sets the topics. Idempotent: the same choice again writes nothing more.
   *
   * @param topics already validated ({@link Topics#choose})
   */
  public Result change(String token, Topics topics, Visitor visitor) {
    Optional<String> id = verify(token);
    if (id.isEmpty()) {
      return Result.INVALID_LINK;
    }
    for (int attempt = 1; ; attempt++) {
      Instant now = clock.now();
      Optional<Subscriber> current = mailable(id.get());
      if (current.isEmpty()) {
        return Result.NOT_SUBSCRIBED;
      }
      if (current.get().topics().equals(topics)) {
        return Result.SAVED;
      }
      Subscriber next = current.get().follow(topics, now);
      Change change = new Change(next, List.of(ConsentEvent.byVisitor(Type.PREFERENCES, now,
          visitor, null, null, describe(topics))), null, null, null);
      if (repository.apply(change)) {
        Log.info("subscription.preferences", Map.of("subscriberId", next.id(),
            "outcome", topics.all() ? "all" : "tags", "tags", topics.tags().size()));
        return Result.SAVED;
      }
      if (attempt >= SubscriptionService.MAX_ATTEMPTS) {
        throw new UnavailableException("The subscription changed concurrently; try again.",
            null);
      }
    }
  }

  /** For the consent log: what the subscriber chose to receive. */
  static String describe(Topics topics) {
    return topics.all() ? "all" : "tags:" + String.join(",", topics.tags());
  }

  private Optional<String> verify(String token) {
    return signer.verify(LinkSigner.Purpose.PREFERENCES, token, clock.now());
  }

  private Optional<Subscriber> mailable(String id) {
    return repository.find(id).filter(Subscriber::isMailable);
  }
}
