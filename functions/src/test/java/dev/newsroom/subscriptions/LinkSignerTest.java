package dev.newsroom.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LinkSignerTest {

  private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
  private static final String ID = SubscriptionFixture.id("ada@example.org");

  private final LinkSigner signer = new LinkSigner(() -> SubscriptionFixture.KEY.clone());

  @Test
  void verify_whenSignedForThatPurpose_returnsTheSubscriber() {
    String token = signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, ID, null);

    assertThat(signer.verify(LinkSigner.Purpose.UNSUBSCRIBE, token,
        NOW.plus(Duration.ofDays(3650))))
        .hasValue(ID);
    assertThat(token).matches("[A-Za-z0-9_-]{43}\\.0\\.[A-Za-z0-9_-]{22}");
  }

  @Test
  void verify_whenSignedForAnotherPurpose_refuses() {
    String export = signer.sign(LinkSigner.Purpose.EXPORT, ID, NOW.plusSeconds(60));

    assertThat(signer.verify(LinkSigner.Purpose.ERASE, export, NOW)).isEmpty();
    assertThat(signer.verify(LinkSigner.Purpose.UNSUBSCRIBE, export, NOW)).isEmpty();
  }

  @Test
  void verify_whenExpired_refuses() {
    String token = signer.sign(LinkSigner.Purpose.ERASE, ID, NOW.plusSeconds(60));

    assertThat(signer.verify(LinkSigner.Purpose.ERASE, token, NOW.plusSeconds(59))).hasValue(ID);
    assertThat(signer.verify(LinkSigner.Purpose.ERASE, token, NOW.plusSeconds(60))).isEmpty();
  }

  @Test
  void verify_whenAnyPartIsChanged_refuses() {
    String token = signer.sign(LinkSigner.Purpose.EXPORT, ID, NOW.plusSeconds(60));
    String[] parts = token.split("\\.");
    String otherId = SubscriptionFixture.id("eve@example.org");

    assertThat(signer.verify(LinkSigner.Purpose.EXPORT,
        otherId + "." + parts[1] + "." + parts[2], NOW)).isEmpty();
    assertThat(signer.verify(LinkSigner.Purpose.EXPORT,
        parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2], NOW)).isEmpty();
    assertThat(signer.verify(LinkSigner.Purpose.EXPORT,
        parts[0] + ".0." + parts[2], NOW)).isEmpty();
    assertThat(signer.verify(LinkSigner.Purpose.EXPORT, token + "A", NOW)).isEmpty();
    assertThat(signer.verify(LinkSigner.Purpose.EXPORT, "", NOW)).isEmpty();
    assertThat(signer.verify(LinkSigner.Purpose.EXPORT, null, NOW)).isEmpty();
  }

  @Test
  void open_whenSignedInAMailing_namesTheSubscriberAndTheMailing() {
    String token = signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, ID, null, "a-storm-1764576000");

    assertThat(token).matches("[A-Za-z0-9_-]{43}\\.0\\.a-storm-1764576000\\.[A-Za-z0-9_-]{22}");
    assertThat(signer.open(LinkSigner.Purpose.UNSUBSCRIBE, token, NOW))
        .hasValue(new LinkSigner.SignedLink(ID, "a-storm-1764576000"));
    assertThat(signer.verify(LinkSigner.Purpose.UNSUBSCRIBE, token, NOW)).hasValue(ID);
    assertThat(signer.open(LinkSigner.Purpose.UNSUBSCRIBE,
        signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, ID, null), NOW))
        .hasValue(new LinkSigner.SignedLink(ID, null));
  }

  @Test
  void open_whenTheMailingIsMovedAddedOrDropped_refuses() {
    String inMailing = signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, ID, null, "a-storm-1");
    String plain = signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, ID, null);
    String[] parts = inMailing.split("\\.");
    String[] plainParts = plain.split("\\.");

    // another campaign's count cannot be reached by editing a genuine link
    assertThat(signer.open(LinkSigner.Purpose.UNSUBSCRIBE,
        parts[0] + ".0.a-storm-2." + parts[3], NOW)).isEmpty();
    assertThat(signer.open(LinkSigner.Purpose.UNSUBSCRIBE,
        plainParts[0] + ".0.a-storm-1." + plainParts[2], NOW)).isEmpty();
    assertThat(signer.open(LinkSigner.Purpose.UNSUBSCRIBE, parts[0] + ".0." + parts[3], NOW))
        .isEmpty();
    assertThat(signer.open(LinkSigner.Purpose.PREFERENCES, inMailing, NOW)).isEmpty();
  }

  @Test
  void sign_whenTheMailingIdHasOtherCharacters_refuses() {
    for (String bad : new String[] {"", "A-storm", "a.storm", "a_storm", "x".repeat(121)}) {
      assertThatThrownBy(() -> signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, ID, null, bad))
          .as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void verify_whenSignedWithAnotherKey_refuses() {
    LinkSigner other = new LinkSigner(
        () -> "a different key of enough length, 32+".getBytes(StandardCharsets.UTF_8));

    assertThat(signer.verify(LinkSigner.Purpose.UNSUBSCRIBE,
        other.sign(LinkSigner.Purpose.UNSUBSCRIBE, ID, null), NOW)).isEmpty();
  }

  @Test
  void key_isReadOnceAndAFailedReadIsTriedAgain() {
    AtomicInteger reads = new AtomicInteger();
    LinkSigner flaky = new LinkSigner(() -> {
      if (reads.incrementAndGet() == 1) {
        throw new dev.newsroom.shared.UnavailableException("secret store down", null);
      }
      return SubscriptionFixture.KEY.clone();
    });

    assertThatThrownBy(() -> flaky.sign(LinkSigner.Purpose.UNSUBSCRIBE, ID, null))
        .isInstanceOf(dev.newsroom.shared.UnavailableException.class);
    String token = flaky.sign(LinkSigner.Purpose.UNSUBSCRIBE, ID, null);
    flaky.verify(LinkSigner.Purpose.UNSUBSCRIBE, token, NOW);

    assertThat(reads).hasValue(2);
    assertThat(token).isEqualTo(signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, ID, null));
  }

  @Test
  void key_whenTooShort_isRefused() {
    LinkSigner weak = new LinkSigner(() -> "short".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> weak.sign(LinkSigner.Purpose.UNSUBSCRIBE, ID, null))
        .isInstanceOf(IllegalStateException.class);
  }
}
