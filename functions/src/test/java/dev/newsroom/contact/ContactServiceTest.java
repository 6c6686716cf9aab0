package dev.newsroom.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.contact.ContactMessageRepository.OutgoingEmail;
import dev.newsroom.mail.EmailMessage;
import dev.newsroom.ratelimit.InMemoryRateLimiter;
import dev.newsroom.shared.ConflictException;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.shared.MutableClock;
import dev.newsroom.shared.RateLimitedException;
import dev.newsroom.shared.ValidationException;
import dev.newsroom.shared.StdoutCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-24T09:03:00Z");
  private static final ContactSettings SETTINGS =
      ContactSettings.of("editors@example.com", "180", "false");

  private final InMemoryContactMessageRepository repository =
      new InMemoryContactMessageRepository();
  private final InMemoryRateLimiter rateLimiter = new InMemoryRateLimiter();
  private final MutableClock clock = new MutableClock(NOW);
  private ContactService service = new ContactService(repository, rateLimiter, SETTINGS, clock);

  @Test
  void send_whenValid_storesTheMessageWithItsNotificationToTheEditors() {
    ContactService.Receipt receipt = service.send(request(valid()));

    assertThat(repository.messages()).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo(receipt.id()).matches("[A-Za-z0-9_-]{22}");
      assertThat(m.receivedAt()).isEqualTo(NOW);
      assertThat(m.name()).isEqualTo("Ada Lovelace");
      assertThat(m.email()).isEqualTo("Ada@example.org");
      assertThat(m.subject()).isEqualTo("A tip");
      assertThat(m.message()).isEqualTo("Line one\nLine two");
      assertThat(m.page()).isEqualTo("/articles/hello/");
      assertThat(m.ip()).isEqualTo("198.51.100.7");
      assertThat(m.userAgent()).isEqualTo("Mozilla/5.0 (test)");
      assertThat(m.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(180)));
      assertThat(m.status()).isEqualTo(ContactStatus.NEW);
    });
    assertThat(repository.outbox()).singleElement().satisfies(email -> {
      assertThat(email.outboxId()).isEqualTo("contact#" + receipt.id());
      assertThat(email.message().kind()).isEqualTo("contact-notification");
      assertThat(email.message().to()).isEqualTo("editors@example.com");
      assertThat(email.message().replyTo()).isEqualTo("Ada@example.org");
      assertThat(email.message().subject()).isEqualTo("Contact: A tip");
      assertThat(email.message().text()).contains("Line one\nLine two", "/articles/hello/",
          receipt.id());
    });
  }

  @Test
  void send_whenNoSubject_namesTheSenderInTheNotificationSubject() {
    Map<String, String> fields = valid();
    fields.put("subject", "  ");

    service.send(request(fields));

    assertThat(repository.messages().get(0).subject()).isNull();
    assertThat(notification().subject()).isEqualTo("Contact: message from Ada Lovelace");
  }

  @ParameterizedTest
  @CsvSource({"name,100,true", "name,101,false", "subject,150,true", "subject,151,false",
      "message,5000,true", "message,5001,false"})
  void send_whenFieldAtOrOverItsLimit_acceptsOrRefuses(String field, int length,
      boolean accepted) {
    Map<String, String> fields = valid();
    // an astral character counts as one, as a reader would count it
    fields.put(field, "😀".repeat(length - 1) + "x");

    if (accepted) {
      service.send(request(fields));
      assertThat(repository.messages()).hasSize(1);
    } else {
      assertRefused(fields, field, "at most");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "message"})
  void send_whenRequiredFieldBlank_refuses(String field) {
    Map<String, String> fields = valid();
    fields.put(field, " \n\t ");

    assertRefused(fields, field, field.equals("name") ? "line breaks" : "required");
    fields.put(field, "");
    assertRefused(fields, field, "required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-address", "Ada <ada@example.org>", "ada@localhost", ""})
  void send_whenEmailNotValid_refuses(String email) {
    Map<String, String> fields = valid();
    fields.put("email", email);

    assertRefused(fields, "email", "address");
  }

  @Test
  void send_whenEmailOver254Characters_refuses() {
    Map<String, String> fields = valid();
    fields.put("email", "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "."
        + "d".repeat(58) + ".com");

    assertThat(fields.get("email")).hasSize(255);
    assertRefused(fields, "email", "at most 254");
  }

  static Stream<Arguments> headerInjections() {
    return Stream.of(
        Arguments.of("name", "Ada\r\nBcc: victim@example.net"),
        Arguments.of("name", "Ada\n"),
        Arguments.of("subject", "Hi\rBcc: victim@example.net"),
        Arguments.of("subject", "Hi\nContent-Type: text/html"),
        Arguments.of("email", "ada@example.org\r\nBcc: victim@example.net"),
        Arguments.of("email", "ada@example.org\n"));
  }

  @ParameterizedTest
  @MethodSource("headerInjections")
  void send_whenLineBreakInAHeaderField_refusesAndStoresNothing(String field, String value) {
    Map<String, String> fields = valid();
    fields.put(field, value);

    assertRefused(fields, field, "line breaks");
  }

  static Stream<Arguments> controlCharacters() {
    return Stream.of(Arguments.of("name", "Ada\u0000"), Arguments.of("subject", "Hi\u0007"),
        Arguments.of("message", "Hello\u001b[31m"));
  }

  @ParameterizedTest
  @MethodSource("controlCharacters")
  void send_whenControlCharacters_refuses(String field, String value) {
    Map<String, String> fields = valid();
    fields.put(field, value);

    assertRefused(fields, field, "control characters");
  }

  @Test
  void send_whenMessageHasWindowsLineBreaksAndTabs_keepsThemAsLfAndTab() {
    Map<String, String> fields = valid();
    fields.put("message", "\r\n  First\r\nSecond\rThird\tcolumn  \r\n");

    service.send(request(fields));

    assertThat(repository.messages().get(0).message()).isEqualTo("First\nSecond\nThird\tcolumn");
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "contact", "/a b", "ftp://example.org/"})
  void send_whenPageNotAPathOrHttpUrl_refuses(String page) {
    Map<String, String> fields = valid();
    fields.put("page", page);

    assertRefused(fields, "page", "path");
  }

  @Test
  void send_whenNoPageField_keepsAUsableRefererOnly() {
    Map<String, String> fields = valid();
    fields.put("page", "");

    service.send(request(fields, null, "https://news.example.com/contact/"));
    fields.put("message", "another one");
    service.send(request(fields, null, "javascript:alert(1)"));

    assertThat(repository.messages()).extracting(ContactMessage::page)
        .containsExactly("https://news.example.com/contact/", null);
  }

  @Test
  void send_whenHoneypotFilled_answersLikeSuccessButStoresSendsAndCountsNothing() {
    Map<String, String> fields = valid();
    fields.put("website", "http://spam.example");

    ContactService.Receipt receipt = service.send(request(fields));

    assertThat(receipt.id()).matches("[A-Za-z0-9_-]{22}");
    assertThat(repository.messages()).isEmpty();
    assertThat(repository.outbox()).isEmpty();
    assertThat(rateLimiter.counted("contact-ip")).isZero();
  }

  @Test
  void send_whenHoneypotFilledButFieldsInvalid_refusesLikeForAPerson() {
    Map<String, String> fields = valid();
    fields.put("website", "x");
    fields.put("email", "nope");

    assertRefused(fields, "email", "address");
  }

  @Test
  void send_whenMarkupInFields_escapesItInTheHtmlPart() {
    Map<String, String> fields = valid();
    fields.put("name", "<b>Eve</b> & co");
    fields.put("subject", "\"quoted\" 'single'");
    fields.put("message", "<script>alert(1)</script><img src=x onerror=alert(2)>");
    fields.put("page", "/x?a=<i>");

    service.send(request(fields));

    EmailMessage email = notification();
    assertThat(email.html())
        .contains("&lt;b&gt;Eve&lt;/b&gt; &amp; co")
        .contains("&quot;quoted&quot; &#39;single&#39;")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;")
        .contains("/x?a=&lt;i&gt;")
        .doesNotContain("<script", "<img", "<b>", "<i>");
    assertThat(email.text()).contains("<script>alert(1)</script>");
  }

  @Test
  void send_whenSubmittedTwice_storesOneMessageAndOneEmail() {
    ContactService.Receipt first = service.send(request(valid()));
    clock.advance(Duration.ofSeconds(3));

    ContactService.Receipt second = service.send(request(valid()));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(repository.messages()).hasSize(1);
    assertThat(repository.outbox()).hasSize(1);
  }

  @Test
  void send_countsEachStoredMessageOnce_andNeitherRepeatsNorBots() {
    try (StdoutCapture out = StdoutCapture.start()) {
      service.send(request(valid()));
      clock.advance(Duration.ofSeconds(3));
      service.send(request(valid()));

      assertThat(out.metric("ContactMessages")).isEqualTo(1);
    }
  }

  @Test
  void send_whenRepeatedMoreOftenThanTheLimit_answersEveryTimeAndCountsOnce() {
    ContactService.Receipt first = service.send(request(valid()));

    for (int i = 0; i < ContactService.PER_EMAIL.max() + 3; i++) {
      clock.advance(Duration.ofSeconds(20));
      assertThat(service.send(request(valid())).id()).isEqualTo(first.id());
    }

    assertThat(rateLimiter.counted("contact-email")).isEqualTo(1);
    assertThat(rateLimiter.counted("contact-ip")).isEqualTo(1);
    assertThat(repository.outbox()).hasSize(1);
  }

  @Test
  void send_whenRepeatCrossesTheWindowEdge_isStillOneMessage() {
    clock.advance(Duration.between(NOW, Instant.parse("2026-11-24T09:09:59Z")));
    ContactService.Receipt first = service.send(request(valid()));
    clock.advance(Duration.ofSeconds(2));

    ContactService.Receipt second = service.send(request(valid()));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(repository.messages()).hasSize(1);
    assertThat(repository.outbox()).hasSize(1);
    assertThat(rateLimiter.counted("contact-ip")).as("a repeat is not counted").isEqualTo(1);
  }

  @Test
  void send_whenATwinWinsTheRaceToStore_answersWithTheTwinsReceiptAndCountsOnce() {
    // given the same submission, from a second tab, stored between our check and our write
    repository.beforeSave(() -> service.send(request(valid())));

    try (StdoutCapture out = StdoutCapture.start()) {
      ContactService.Receipt receipt = service.send(request(valid()));

      assertThat(repository.messages()).singleElement()
          .satisfies(m -> assertThat(m.id()).isEqualTo(receipt.id()));
      assertThat(repository.outbox()).hasSize(1);
      assertThat(out.metric("ContactMessages")).isEqualTo(1);
    }
  }

  @Test
  void send_logsStoredRepeatAndHoneypotByMessageIdOnly() {
    try (StdoutCapture out = StdoutCapture.start()) {
      String id = service.send(request(valid())).id();
      service.send(request(valid()));
      Map<String, String> bot = valid();
      bot.put("website", "http://spam.example");
      service.send(request(bot));

      assertThat(out.json()).filteredOn(line -> line.has("event"))
          .extracting(line -> line.path("event").asText() + " "
              + line.path("messageId").asText("-"))
          .containsExactly("contact.stored " + id, "contact.repeat " + id, "contact.honeypot -");
      assertThat(out.lines()).noneMatch(line -> line.contains("example.org")
          || line.contains("Line one"));
    }
  }

  @Test
  void isId_whenNotTheShapeOfAMessageId_isFalse() {
    String id = service.send(request(valid())).id();

    assertThat(ContactService.isId(id)).isTrue();
    for (String other : new String[] {null, "", id.substring(1), id + "A", "../" + id.substring(3),
        id.substring(1) + "=", id.substring(1) + "+"}) {
      assertThat(ContactService.isId(other)).as(String.valueOf(other)).isFalse();
    }
  }

  @Test
  void send_whenSameTextLongAfter_isANewMessage() {
    service.send(request(valid()));
    clock.advance(Duration.ofMinutes(25));

    service.send(request(valid()));

    assertThat(repository.messages()).hasSize(2);
    assertThat(repository.outbox()).hasSize(2);
  }

  @Test
  void send_whenSpacingOrEmailCaseDiffers_isStillTheSameMessage() {
    ContactService.Receipt first = service.send(request(valid()));
    Map<String, String> fields = valid();
    fields.put("name", "  Ada Lovelace ");
    fields.put("email", "ADA@EXAMPLE.ORG");
    fields.put("message", "Line one\r\nLine two\n");

    ContactService.Receipt second = service.send(request(fields));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(repository.messages()).hasSize(1);
  }

  @Test
  void send_whenSameIdempotencyKeyHoursLater_isOneMessage() {
    ContactService.Receipt first = service.send(request(valid(), "key-123", null));
    clock.advance(Duration.ofHours(3));

    ContactService.Receipt second = service.send(request(valid(), "key-123", null));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(repository.outbox()).hasSize(1);
  }

  @Test
  void send_whenIdempotencyKeyReusedForOtherText_conflictsAndKeepsTheFirst() {
    service.send(request(valid(), "key-123", null));
    Map<String, String> other = valid();
    other.put("message", "Something else");

    assertThatThrownBy(() -> service.send(request(other, "key-123", null)))
        .isInstanceOf(ConflictException.class);
    assertThat(repository.messages()).singleElement()
        .extracting(ContactMessage::message).isEqualTo("Line one\nLine two");
  }

  @Test
  void send_whenDifferentIdempotencyKeys_storesBoth() {
    service.send(request(valid(), "key-1", null));
    service.send(request(valid(), "key-2", null));

    assertThat(repository.messages()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "k\r\nX-Evil: 1"})
  void send_whenIdempotencyKeyMalformed_refuses(String key) {
    assertThatThrownBy(() -> service.send(request(valid(), key, null)))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
    assertThat(repository.messages()).isEmpty();
  }

  @Test
  void send_whenOneIpSendsTooMany_refusesWith429AndStoresNoMore() {
    for (int i = 0; i < ContactService.PER_IP.max(); i++) {
      Map<String, String> fields = valid();
      fields.put("email", "reader" + i + "@example.org");
      service.send(request(fields));
    }
    Map<String, String> fields = valid();
    fields.put("email", "one-more@example.org");

    assertThatThrownBy(() -> service.send(request(fields)))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).isPositive());
    assertThat(repository.messages()).hasSize(ContactService.PER_IP.max());
  }

  @Test
  void send_whenOneAddressSendsTooManyFromManyIps_refuses() {
    for (int i = 0; i < ContactService.PER_EMAIL.max(); i++) {
      Map<String, String> fields = valid();
      fields.put("message", "message " + i);
      service.send(request(fields, null, null, "203.0.113." + i));
    }
    Map<String, String> fields = valid();
    fields.put("message", "one more");
    fields.put("email", "ADA@example.org");

    assertThatThrownBy(() -> service.send(request(fields, null, null, "203.0.113.99")))
        .isInstanceOf(RateLimitedException.class);
    assertThat(repository.messages()).hasSize(ContactService.PER_EMAIL.max());
  }

  @Test
  void send_whenInvalid_countsNothingAgainstTheLimits() {
    Map<String, String> fields = valid();
    fields.put("message", "");

    assertThatThrownBy(() -> service.send(request(fields))).isInstanceOf(ValidationException.class);
    assertThat(rateLimiter.counted("contact-ip")).isZero();
    assertThat(rateLimiter.counted("contact-email")).isZero();
  }

  @Test
  void send_whenAcknowledgementOff_sendsNothingToTheSender() {
    service.send(request(valid()));

    assertThat(repository.outbox()).extracting(e -> e.message().to())
        .containsExactly("editors@example.com");
  }

  @Test
  void send_whenAcknowledgementOn_sendsFixedWordsToTheSenderWithoutWhatTheyWrote() {
    service = new ContactService(repository, rateLimiter,
        ContactSettings.of("editors@example.com", "30", "true"), clock);
    Map<String, String> fields = valid();
    fields.put("name", "Cheap pills at spam.example");
    fields.put("subject", "Visit spam.example now");
    fields.put("message", "Buy at https://spam.example/offer");

    ContactService.Receipt receipt = service.send(request(fields));

    assertThat(repository.outbox()).hasSize(2);
    OutgoingEmail ack = repository.outbox().get(1);
    assertThat(ack.outboxId()).isEqualTo("contact-ack#" + receipt.id());
    assertThat(ack.message().to()).isEqualTo("Ada@example.org");
    assertThat(ack.message().replyTo()).isEqualTo("editors@example.com");
    assertThat(ack.message().kind()).isEqualTo("contact-acknowledgement");
    assertThat(ack.message().subject() + ack.message().text() + ack.message().html())
        .doesNotContainIgnoringCase("spam")
        .doesNotContain("Cheap", "Buy at")
        .contains(receipt.id());
    assertThat(repository.messages().get(0).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
  }

  @Test
  void send_whenUserAgentHasControlsOrIsHuge_keepsAClippedCleanCopy() {
    service.send(new ContactRequest("Ada", "ada@example.org", "", "Hi", "", "", null,
        "198.51.100.7", "Bot\r\n" + "x".repeat(600), null));

    assertThat(repository.messages().get(0).userAgent()).startsWith("Botxx")
        .hasSize(ContactService.MAX_USER_AGENT);
  }

  @Test
  void settings_whenEditorsAddressOrRetentionInvalid_failAtStart() {
    assertThatThrownBy(() -> ContactSettings.of("Editors <e@example.com>", "180", "false"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ContactSettings.of("e@example.com", "0", "false"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ContactSettings.of("e@example.com", "180", "yes"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(ContactSettings.of("E@Example.com", "7", "true"))
        .isEqualTo(new ContactSettings(EmailAddress.parse("E@example.com"), Duration.ofDays(7),
            true));
  }

  private void assertRefused(Map<String, String> fields, String field, String message) {
    assertThatThrownBy(() -> service.send(request(fields)))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.getMessage()).contains(message);
        });
    assertThat(repository.messages()).isEmpty();
    assertThat(repository.outbox()).isEmpty();
  }

  private EmailMessage notification() {
    return repository.outbox().get(0).message();
  }

  private static Map<String, String> valid() {
    Map<String, String> fields = new HashMap<>();
    fields.put("name", "Ada Lovelace");
    fields.put("email", " Ada@Example.ORG ");
    fields.put("subject", "A tip");
    fields.put("message", "Line one\nLine two");
    fields.put("page", "/articles/hello/");
    fields.put("website", "");
    return fields;
  }

  private static ContactRequest request(Map<String, String> f) {
    return request(f, null, null);
  }

  private static ContactRequest request(Map<String, String> f, String key, String referer) {
    return request(f, key, referer, "198.51.100.7");
  }

  private static ContactRequest request(Map<String, String> f, String key, String referer,
      String ip) {
    return new ContactRequest(f.get("name"), f.get("email"), f.get("subject"), f.get("message"),
        f.get("page"), f.get("website"), key, ip, "Mozilla/5.0 (test)", referer);
  }
}
