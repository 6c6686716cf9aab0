package dev.newsroom.subscriptions;

import dev.newsroom.ratelimit.RateLimiter;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.shared.Hashing;
import dev.newsroom.shared.Log;
import dev.newsroom.shared.Metric;
import dev.newsroom.shared.Metrics;
import dev.newsroom.shared.TextFields;
import dev.newsroom.shared.UnavailableException;
import dev.newsroom.subscriptions.ConsentEvent.Type;
import dev.newsroom.subscriptions.SubscriberRepository.Change;
import dev.newsroom.subscriptions.SubscriberRepository.OutgoingEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Double opt-in: signup, confirmation, unsubscribe.
 *
 * <p>Every signup gets the same answer whatever the address's state, so nobody can learn who
 * subscribes. Behind it: a new (or unsubscribed, or erased) address becomes pending, with a
 * confirmation email queued in the same transaction; a pending one gets another confirmation at
 * most every {@link #RESEND_AFTER}; a confirmed or suppressed one gets nothing.
 *
 * <p>Every write is conditional on the version read, and a lost race is decided again from fresh
 * state, so a double click or a retry sends one email, never two.
 */
public final class SubscriptionService {

  static final Duration TOKEN_LIFETIME = Duration.ofHours(48);
  static final Duration RESEND_AFTER = Duration.ofMinutes(10);
  static final RateLimiter.Limit PER_IP = new RateLimiter.Limit(10, Duration.ofHours(1));
  static final RateLimiter.Limit PER_EMAIL = new RateLimiter.Limit(5, Duration.ofHours(1));
  /** Attempts at one change before answering 503: each retry follows a request that won. */
  static final int MAX_ATTEMPTS = 3;

  /** 32 random bytes, base64url: what a confirmation link carries. */
  private static final Pattern CONFIRMATION_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final SubscriberRepository repository;
  private final RateLimiter rateLimiter;
  private final LinkSigner signer;
  private final String siteName;
  private final Clock clock;
  private final UnsubscribeCounter unsubscribes;

  SubscriptionService(SubscriberRepository repository, RateLimiter rateLimiter,
      LinkSigner signer, String siteName, Clock clock) {
    this(repository, rateLimiter, signer, siteName, clock, UnsubscribeCounter.NONE);
  }

  /** @param unsubscribes counts an unsubscribe on the mailing whose link caused it */
  SubscriptionService(SubscriberRepository repository, RateLimiter rateLimiter,
      LinkSigner signer, String siteName, Clock clock, UnsubscribeCounter unsubscribes) {
    this.repository = repository;
    this.rateLimiter = rateLimiter;
    this.signer = signer;
    this.siteName = siteName;
    this.clock = clock;
    this.unsubscribes = unsubscribes;
  }

  /** Validates, throttles, and starts (or repeats) the double opt-in. */
  public void subscribe(SignupRequest request) {
    EmailAddress email = EmailAddress.parse(request.email());
    String name = Fields.name(request.name());
    String page = TextFields.page(request.page(), request.referer());
    Topics topics = Topics.choose(request.topics(), request.tags());
    if (!request.website().isEmpty()) {
      // A bot filled the hidden field: it sees the answer a person would, and nothing happens.
      Log.info("subscription.honeypot", Map.of());
      return;
    }
    rateLimiter.acquire("subscribe-ip", request.visitor().ip(), PER_IP);
    rateLimiter.acquire("subscribe-email", email.canonical(), PER_EMAIL);

    String id = SubscriberIds.of(email);
    for (int attempt = 1; ; attempt++) {
      Instant now = clock.now();
      Optional<Subscriber> current = repository.find(id);
      Subscriber next;
      if (current.isEmpty()) {
        next = Subscriber.pending(id, email.value(), name, page, newSignupId(), topics,
            now);
      } else {
        Subscriber s = current.get();
        switch (s.status()) {
          case UNSUBSCRIBED, ERASED -> next = s.signUpAgain(email.value(), name, page,
              newSignupId(), topics, now);
          case PENDING -> {
            if (now.isBefore(s.lastConfirmationAt().plus(RESEND_AFTER))) {
              log("subscription.signup", id, "resend-too-soon");
              return;
            }
            next = s.confirmationResent(topics, now);
          }
          default -> {
            // Confirmed already, or suppressed: nothing to send, and the same answer. A
            // confirmed subscriber's topics change only through their own preferences link,
            // never through a form anyone can fill in with their address.
            log("subscription.signup", id, s.status().wire());
            return;
          }
        }
      }
      String token = Hashing.randomToken(32);
      String hash = Hashing.sha256Hex(token);
      ConfirmationToken stored = new ConfirmationToken(hash, id, next.signupId(), page,
          Consent.CURRENT, now, now.plus(TOKEN_LIFETIME), null);
      Change change = new Change(next,
          List.of(ConsentEvent.byVisitor(Type.SIGNUP, now, request.visitor(), page,
              Consent.CURRENT, null)),
          stored, null, new OutgoingEmail("confirm#" + hash,
              emails(request.siteUrl()).confirmation(next, token)));
      if (repository.apply(change)) {
        log("subscription.signup", id, next.version() == 1 ? "new" : "confirmation-sent");
        if (current.isEmpty() || current.get().status() != SubscriberStatus.PENDING) {
          Metrics.count(Metric.SIGNUPS, 1);
        }
        return;
      }
      giveUpAfter(attempt);
    }
  }

  /** What the confirmation link's page should offer. */
  public LinkState confirmationState(String token) {
    Instant now = clock.now();
    return lookup(token).map(found -> state(found.token(), found.subscriber(), now))
        .orElse(LinkState.INVALID);
  }

  /**
   * Confirms the signup the token belongs to and queues the welcome email. Idempotent: a token
   * whose signup is already confirmed answers {@link LinkState#DONE} again and sends nothing.
   *
   * @param siteUrl the public origin for the welcome email's links
   * @return DONE when the subscription is (now) confirmed, INVALID otherwise
   */
  public LinkState confirm(String token, Visitor visitor, String siteUrl) {
    for (int attempt = 1; ; attempt++) {
      Instant now = clock.now();
      Optional<Found> found = lookup(token);
      LinkState state = found.map(f -> state(f.token(), f.subscriber(), now))
          .orElse(LinkState.INVALID);
      if (state != LinkState.ACTIONABLE) {
        return state;
      }
      ConfirmationToken t = found.get().token();
      Subscriber next = found.get().subscriber().confirm(now);
      Change change = new Change(next,
          List.of(ConsentEvent.byVisitor(Type.CONFIRM, now, visitor, t.page(),
              t.consentVersion(), null)),
          null, t.hash(), new OutgoingEmail("welcome#" + t.hash(),
              emails(siteUrl).welcome(next)));
      if (repository.apply(change)) {
        log("subscription.confirmed", next.id(), "confirmed");
        Metrics.count(Metric.CONFIRMATIONS, 1);
        return LinkState.DONE;
      }
      giveUpAfter(attempt);
    }
  }

  /** What the unsubscribe link's page should offer. */
  public LinkState unsubscribeState(String token) {
    Optional<String> id = signer.verify(LinkSigner.Purpose.UNSUBSCRIBE, token, clock.now());
    if (id.isEmpty()) {
      return LinkState.INVALID;
    }
    return repository.find(id.get()).filter(Subscriber::isMailable).isPresent()
        ? LinkState.ACTIONABLE : LinkState.DONE;
  }

  /**
   * Unsubscribes the link's subscriber, pending or confirmed. Idempotent: anything else (already
   * unsubscribed, suppressed, erased) is already "no more mail" and answers DONE too.
   *
   * <p>When the link came in a mailing and this request is what ended a confirmed subscription,
   * the mailing counts it (once: a second click or a retried one-click POST finds the subscriber
   * unsubscribed already). The unsubscribe is what matters to the reader: if counting fails, it
   * is logged and the answer is still DONE.
   *
   * @param how how it was asked ("one-click" from a mail client, "page", "api"), for the log
   */
  public LinkState unsubscribe(String token, Visitor visitor, String how) {
    Optional<LinkSigner.SignedLink> link =
        signer.open(LinkSigner.Purpose.UNSUBSCRIBE, token, clock.now());
    if (link.isEmpty()) {
      return LinkState.INVALID;
    }
    String id = link.get().subscriberId();
    for (int attempt = 1; ; attempt++) {
      Instant now = clock.now();
      Optional<Subscriber> current = repository.find(id).filter(Subscriber::isMailable);
      if (current.isEmpty()) {
        return LinkState.DONE;
      }
      Subscriber next = current.get().unsubscribe(now);
      Change change = new Change(next,
          List.of(ConsentEvent.byVisitor(Type.UNSUBSCRIBE, now, visitor, null, null, how)),
          null, null, null);
      if (repository.apply(change)) {
        log("subscription.unsubscribed", next.id(), how);
        Metrics.count(Metric.UNSUBSCRIBES, 1, "how", how);
        if (link.get().mailing() != null
            && current.get().status() == SubscriberStatus.CONFIRMED) {
          countOnMailing(link.get().mailing(), id);
        }
        return LinkState.DONE;
      }
      giveUpAfter(attempt);
    }
  }

  private void countOnMailing(String mailing, String subscriberId) {
    try {
      unsubscribes.count(mailing, subscriberId);
    } catch (RuntimeException e) {
      Log.error("subscription.unsubscribe-not-counted", e);
    }
  }

  private record Found(ConfirmationToken token, Subscriber subscriber) {}

  private Optional<Found> lookup(String token) {
    if (token == null || !CONFIRMATION_TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    return repository.findToken(Hashing.sha256Hex(token)).flatMap(t ->
        repository.find(t.subscriberId()).map(s -> new Found(t, s)));
  }

  /**
   * A token confirms only the signup it was issued for: after an unsubscribe and a new signup, a
   * link from the earlier confirmation email is void. Once confirmed, a link of that signup says
   * so until it expires (a second click, or a retried POST whose answer was lost, is told the
   * truth rather than "not valid"); after its 48 hours it is a 404 like any dead link, whether
   * or not TTL has deleted the item yet.
   */
  private static LinkState state(ConfirmationToken token, Subscriber subscriber, Instant now) {
    if (!token.signupId().equals(subscriber.signupId()) || !now.isBefore(token.expiresAt())) {
      return LinkState.INVALID;
    }
    if (subscriber.status() == SubscriberStatus.CONFIRMED) {
      return LinkState.DONE;
    }
    if (subscriber.status() == SubscriberStatus.PENDING && token.isUsable(now)) {
      return LinkState.ACTIONABLE;
    }
    return LinkState.INVALID;
  }

  private SubscriptionEmails emails(String siteUrl) {
    return new SubscriptionEmails(new SubscriptionLinks(siteUrl, signer), siteName);
  }

  private static String newSignupId() {
    return Hashing.randomToken(12);
  }

  private static void giveUpAfter(int attempt) {
    if (attempt >= MAX_ATTEMPTS) {
      throw new UnavailableException("The subscription changed concurrently; try again.", null);
    }
  }

  private static void log(String event, String subscriberId, String outcome) {
    Log.info(event, Map.of("subscriberId", subscriberId, "outcome", outcome));
  }
}
