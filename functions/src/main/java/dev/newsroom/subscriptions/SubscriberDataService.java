package dev.newsroom.subscriptions;

import dev.newsroom.ratelimit.RateLimiter;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.shared.UnavailableException;
import dev.newsroom.subscriptions.ConsentEvent.Type;
import dev.newsroom.subscriptions.SubscriberRepository.Change;
import dev.newsroom.subscriptions.SubscriberRepository.OutgoingEmail;
import dev.newsroom.shared.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Access and erasure for subscribers. Anyone may ask by address; the answer never says whether
 * the address is known, and the links go only to the address itself, so only its owner can use
 * them. Suppressed addresses get no email (they bounced or complained), as everywhere else.
 */
public final class SubscriberDataService {

  static final Duration LINK_LIFETIME = Duration.ofHours(24);
  static final Duration RESEND_AFTER = Duration.ofMinutes(10);
  static final RateLimiter.Limit PER_IP = new RateLimiter.Limit(5, Duration.ofHours(1));
  static final RateLimiter.Limit PER_EMAIL = new RateLimiter.Limit(3, Duration.ofHours(1));

  private final SubscriberRepository repository;
  private final RateLimiter rateLimiter;
  private final LinkSigner signer;
  private final String siteName;
  private final Clock clock;

  SubscriberDataService(SubscriberRepository repository, RateLimiter rateLimiter,
      LinkSigner signer, String siteName, Clock clock) {
    this.repository = repository;
    this.rateLimiter = rateLimiter;
    this.signer = signer;
    this.siteName = siteName;
    this.clock = clock;
  }

  /**
   * Emails links to export and to erase, if the address is a subscriber we may mail.
   *
   * @param siteUrl the public origin the links use
   */
  public void request(String rawEmail, String website, Visitor visitor, String siteUrl) {
    EmailAddress email = EmailAddress.parse(rawEmail);
    if (!website.isEmpty()) {
      Log.info("subscriber-data.honeypot", Map.of());
      return;
    }
    rateLimiter.acquire("data-request-ip", visitor.ip(), PER_IP);
    rateLimiter.acquire("data-request-email", email.canonical(), PER_EMAIL);
    String id = SubscriberIds.of(email);
    for (int attempt = 1; ; attempt++) {
      Instant now = clock.now();
      Optional<Subscriber> current = repository.find(id);
      // Unsubscribed subscribers may ask too: their log is still held.
      boolean reachable = current.isPresent() && current.get().email() != null
          && current.get().status() != SubscriberStatus.SUPPRESSED;
      if (!reachable) {
        Log.info("subscriber-data.requested", Map.of("subscriberId", id, "outcome", "none"));
        return;
      }
      Subscriber s = current.get();
      if (s.lastDataRequestAt() != null
          && now.isBefore(s.lastDataRequestAt().plus(RESEND_AFTER))) {
        Log.info("subscriber-data.requested", Map.of("subscriberId", id, "outcome",
            "resend-too-soon"));
        return;
      }
      Subscriber next = s.dataRequested(now);
      Change change = new Change(next,
          List.of(ConsentEvent.byVisitor(Type.DATA_REQUEST, now, visitor, null, null, null)),
          null, null, new OutgoingEmail("subscriber-data#" + id + "#" + next.version(),
              new SubscriptionEmails(new SubscriptionLinks(siteUrl, signer), siteName)
                  .dataLinks(next, now.plus(LINK_LIFETIME))));
      if (repository.apply(change)) {
        Log.info("subscriber-data.requested", Map.of("subscriberId", id, "outcome", "sent"));
        return;
      }
      if (attempt >= SubscriptionService.MAX_ATTEMPTS) {
        throw new UnavailableException("The subscription changed concurrently; try again.",
            null);
      }
    }
  }

  /** The export link's page: a download button while the link is good. */
  public LinkState exportState(String token) {
    return signer.verify(LinkSigner.Purpose.EXPORT, token, clock.now()).isPresent()
        ? LinkState.ACTIONABLE : LinkState.INVALID;
  }

  /** Everything held for the link's subscriber (after an erase: the tombstone alone). */
  public Optional<SubscriberExport> export(String token) {
    Instant now = clock.now();
    Optional<String> id = signer.verify(LinkSigner.Purpose.EXPORT, token, now);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Optional<Subscriber> subscriber = repository.find(id.get());
    if (subscriber.isEmpty()) {
      return Optional.empty();
    }
    Log.info("subscriber-data.exported", Map.of("subscriberId", id.get()));
    return Optional.of(new SubscriberExport(subscriber.get(), repository.events(id.get()), now));
  }

  /** The erase link's page: a button while there is something to erase. */
  public LinkState eraseState(String token) {
    Optional<String> id = signer.verify(LinkSigner.Purpose.ERASE, token, clock.now());
    if (id.isEmpty()) {
      return LinkState.INVALID;
    }
    return repository.find(id.get()).filter(s -> s.erasedAt() == null).isPresent()
        ? LinkState.ACTIONABLE : LinkState.DONE;
  }

  /**
   * Erases the link's subscriber: the address, name, pages and the whole consent log go; a
   * tombstone keyed by the address's hash keeps a suppression. Idempotent: erasing again leaves
   * the tombstone as it is and only sweeps a log an interrupted erase left.
   */
  public LinkState erase(String token) {
    Optional<String> id = signer.verify(LinkSigner.Purpose.ERASE, token, clock.now());
    if (id.isEmpty()) {
      return LinkState.INVALID;
    }
    for (int attempt = 1; ; attempt++) {
      Optional<Subscriber> current = repository.find(id.get());
      if (current.isEmpty()) {
        return LinkState.DONE;
      }
      if (current.get().isErased()) {
        // Done before: the tombstone stays as it is; only a log an interrupted erase left goes.
        repository.deleteEvents(id.get());
        return LinkState.DONE;
      }
      if (repository.erase(current.get().erase(clock.now()))) {
        Log.info("subscriber-data.erased", Map.of("subscriberId", id.get()));
        return LinkState.DONE;
      }
      if (attempt >= SubscriptionService.MAX_ATTEMPTS) {
        throw new UnavailableException("The subscription changed concurrently; try again.",
            null);
      }
    }
  }
}
