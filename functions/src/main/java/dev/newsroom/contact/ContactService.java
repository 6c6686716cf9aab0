package dev.newsroom.contact;

import dev.newsroom.contact.ContactMessageRepository.OutgoingEmail;
import dev.newsroom.contact.ContactMessageRepository.Saved;
import dev.newsroom.ratelimit.RateLimiter;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.ConflictException;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.shared.Hashing;
import dev.newsroom.shared.Log;
import dev.newsroom.shared.Metric;
import dev.newsroom.shared.Metrics;
import dev.newsroom.shared.TextFields;
import dev.newsroom.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contact form's use case: validate, throttle, then store the message together with the
 * editors' notification (and the optional acknowledgement) in one transaction.
 *
 * <p>A message's id is derived from what was sent: from the sender's Idempotency-Key when there
 * is one, otherwise from the content and a ten-minute window (checking the previous window too).
 * A retried or double-submitted request therefore lands on the stored message and enqueues no
 * second email, and it answers like the first.
 */
public final class ContactService {

  static final int MAX_NAME = 100;
  static final int MAX_SUBJECT = 150;
  static final int MAX_MESSAGE = 5000;
  static final int MAX_USER_AGENT = 512;
  static final RateLimiter.Limit PER_IP = new RateLimiter.Limit(10, Duration.ofHours(1));
  static final RateLimiter.Limit PER_EMAIL = new RateLimiter.Limit(5, Duration.ofHours(1));
  static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

  /** What the sender is told: the message's reference. */
  public record Receipt(String id) {}

  private final ContactMessageRepository repository;
  private final RateLimiter rateLimiter;
  private final ContactSettings settings;
  private final Clock clock;

  public ContactService(ContactMessageRepository repository, RateLimiter rateLimiter,
      ContactSettings settings, Clock clock) {
    this.repository = repository;
    this.rateLimiter = rateLimiter;
    this.settings = settings;
    this.clock = clock;
  }

  public Receipt send(ContactRequest request) {
    String name = singleLine("name", request.name(), MAX_NAME);
    if (name.isEmpty()) {
      throw new ValidationException("name", "The name is required.");
    }
    EmailAddress email = EmailAddress.parse(request.email());
    String subject = singleLine("subject", request.subject(), MAX_SUBJECT);
    String message = message(request.message());
    String page = TextFields.page(request.page(), request.referer());
    String key = idempotencyKey(request.idempotencyKey());

    Instant now = clock.now();
    String contentHash = Hashing.sha256Hex(String.join("\u0000", name, email.canonical(), subject,
        message));
    long window = now.getEpochSecond() / REPEAT_WINDOW.toSeconds();
    String id = key != null ? id("key", email.canonical(), key) : id("content", contentHash,
        Long.toString(window));
    if (!request.website().isEmpty()) {
      // A bot filled the hidden field: it sees the answer a person would, and nothing happens.
      Log.info("contact.honeypot", Map.of());
      return new Receipt(id);
    }
    String previousId = key != null ? null : id("content", contentHash, Long.toString(window - 1));
    // A repeat of a stored message answers like the first and does not count against the limits,
    // so a client retrying a request that already succeeded is never told 429.
    Optional<ContactMessage> earlier = repository.find(id)
        .or(() -> previousId == null ? Optional.empty() : repository.find(previousId));
    if (earlier.isPresent()) {
      return repeat(earlier.get(), key, contentHash);
    }
    rateLimiter.acquire("contact-ip", request.ip(), PER_IP);
    rateLimiter.acquire("contact-email", email.canonical(), PER_EMAIL);

    ContactMessage stored = new ContactMessage(id, now, name, email.value(),
        subject.isEmpty() ? null : subject, message, page, request.ip(),
        userAgent(request.userAgent()), contentHash, now.plus(settings.retention()),
        ContactStatus.NEW, null, null);
    Saved saved = repository.saveNew(stored, previousId, emails(stored));
    if (saved.repeat()) {
      // A concurrent twin won the race between the check above and this write.
      return repeat(repository.find(saved.id()).orElse(stored), key, contentHash);
    }
    Log.info("contact.stored", Map.of("messageId", saved.id()));
    Metrics.count(Metric.CONTACT_MESSAGES, 1);
    return new Receipt(saved.id());
  }

  private static Receipt repeat(ContactMessage earlier, String key, String contentHash) {
    if (key != null && !earlier.contentHash().equals(contentHash)) {
      throw new ConflictException("This Idempotency-Key was already used for another message.");
    }
    Log.info("contact.repeat", Map.of("messageId", earlier.id()));
    return new Receipt(earlier.id());
  }

  /** True when {@code id} has the shape of a message id (anything else cannot exist). */
  static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  private List<OutgoingEmail> emails(ContactMessage message) {
    String editors = settings.editors().value();
    List<OutgoingEmail> emails = new ArrayList<>();
    emails.add(new OutgoingEmail("contact#" + message.id(),
        ContactEmails.notification(message, editors)));
    if (settings.acknowledge()) {
      emails.add(new OutgoingEmail("contact-ack#" + message.id(),
          ContactEmails.acknowledgement(message, editors)));
    }
    return emails;
  }

  /** 22 base64url characters (132 bits) of SHA-256 over the parts. */
  private static String id(String... parts) {
    byte[] digest = Hashing.sha256(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
  }

  /** A field that may reach a mail header: one line (header injection), normalised. */
  static String singleLine(String field, String raw, int max) {
    return Normalizer.normalize(TextFields.singleLine(field, raw, max), Normalizer.Form.NFC);
  }

  /**
   * The message body: line breaks kept (as LF), tabs allowed, other control characters not.
   * Checked as sent, like the spec's pattern and maxLength, then normalised.
   */
  static String message(String raw) {
    if (raw.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
        && c != '\t')) {
      throw new ValidationException("message", "The message must not hold control characters.");
    }
    TextFields.requireMax("message", raw, MAX_MESSAGE);
    String text = Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n').strip(),
        Normalizer.Form.NFC);
    if (text.isEmpty()) {
      throw new ValidationException("message", "The message is required.");
    }
    return text;
  }

  private static String idempotencyKey(String raw) {
    if (raw == null) {
      return null;
    }
    if (!IDEMPOTENCY_KEY.matcher(raw).matches()) {
      throw new ValidationException("Idempotency-Key",
          "The Idempotency-Key must be 1 to 128 letters, digits or _ . : -");
    }
    return raw;
  }

  /** Kept for spotting abuse; control characters dropped and the length capped. */
  static String userAgent(String raw) {
    String text = raw.codePoints().filter(c -> !Character.isISOControl(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString().strip();
    return text.codePointCount(0, text.length()) <= MAX_USER_AGENT ? text
        : text.substring(0, text.offsetByCodePoints(0, MAX_USER_AGENT));
  }

  /** Limits count characters as people see them: code points, not UTF-16 units. */

}
