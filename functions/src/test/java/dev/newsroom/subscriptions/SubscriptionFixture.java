package dev.newsroom.subscriptions;

import dev.newsroom.mail.EmailMessage;
import dev.newsroom.ratelimit.InMemoryRateLimiter;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.shared.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The subscription services on in-memory fakes, and helpers to read what they mailed. */
final class SubscriptionFixture {

  static final String SITE = "https://news.example.com";
  static final byte[] KEY = "0123456789abcdef0123456789abcdef-test-key".getBytes(
      StandardCharsets.UTF_8);
  static final Visitor VISITOR = new Visitor("203.0.113.7", "Mozilla/5.0 (test)");

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
  final InMemorySubscriberRepository repository = new InMemorySubscriberRepository();
  final InMemoryRateLimiter rateLimiter = new InMemoryRateLimiter();
  final LinkSigner signer = new LinkSigner(() -> KEY.clone());
  final SubscriptionService subscriptions = new SubscriptionService(repository, rateLimiter,
      signer, "Newsroom", clock);
  final SubscriberDataService data = new SubscriberDataService(repository, rateLimiter, signer,
      "Newsroom", clock);
  final MailFeedbackService feedback = new MailFeedbackService(repository, clock);
  final SiteContext site = SiteContext.fixed(SITE, "Newsroom");

  static String id(String address) {
    return SubscriberIds.of(EmailAddress.parse(address));
  }

  void subscribe(String address) {
    subscriptions.subscribe(new SignupRequest(address, "", "/articles/hello/", "", null,
        VISITOR, SITE));
  }

  /** The token of the last confirmation link mailed. */
  LinkState confirm(String token) {
    return subscriptions.confirm(token, VISITOR, SITE);
  }

  String lastConfirmationToken() {
    return param(lastEmail(SubscriptionEmails.CONFIRMATION).text(), "/api/subscriptions/confirm");
  }

  EmailMessage lastEmail(String kind) {
    return repository.emails().stream().filter(m -> m.kind().equals(kind))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no " + kind + " email was queued"));
  }

  long count(String kind) {
    return repository.emails().stream().filter(m -> m.kind().equals(kind)).count();
  }

  /** The token of the first link to {@code path} in {@code text}. */
  static String param(String text, String path) {
    Matcher m = Pattern.compile(Pattern.quote(SITE + path) + "\\?token=([A-Za-z0-9_.-]+)")
        .matcher(text);
    if (!m.find()) {
      throw new AssertionError("no link to " + path + " in:\n" + text);
    }
    return m.group(1);
  }
}
