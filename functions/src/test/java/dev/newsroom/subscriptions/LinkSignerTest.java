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
