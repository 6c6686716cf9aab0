package dev.newsroom.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SubscriberTest {

  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
  private static final Instant LATER = T0.plusSeconds(3600);

  /** The subscriber's state machine: which changes each status allows. */
  private static final Map<String, UnaryOperator<Subscriber>> TRANSITIONS = Map.of(
      "signUpAgain", s -> s.signUpAgain("ada@example.org", null, null, "signup-2", Topics.ALL,
          LATER),
      "confirmationResent", s -> s.confirmationResent(Topics.ALL, LATER),
      "confirm", s -> s.confirm(LATER),
      "unsubscribe", s -> s.unsubscribe(LATER),
      "follow", s -> s.follow(Topics.only(Set.of("science")), LATER));

  private static final Map<String, Set<SubscriberStatus>> ALLOWED = Map.of(
      "signUpAgain", EnumSet.of(SubscriberStatus.UNSUBSCRIBED, SubscriberStatus.ERASED),
      "confirmationResent", EnumSet.of(SubscriberStatus.PENDING),
      "confirm", EnumSet.of(SubscriberStatus.PENDING),
      "unsubscribe", EnumSet.of(SubscriberStatus.PENDING, SubscriberStatus.CONFIRMED),
      "follow", EnumSet.of(SubscriberStatus.PENDING, SubscriberStatus.CONFIRMED));

  @Test
  void transitions_whenTheStatusDoesNotAllowThem_refuse() {
    Map<SubscriberStatus, Subscriber> each = oneOfEachStatus();

    TRANSITIONS.forEach((name, transition) -> each.forEach((status, subscriber) -> {
      if (ALLOWED.get(name).contains(status)) {
        assertThatCode(() -> transition.apply(subscriber)).as(name + " from " + status)
            .doesNotThrowAnyException();
        assertThat(transition.apply(subscriber).version()).isEqualTo(subscriber.version() + 1);
      } else {
        assertThatThrownBy(() -> transition.apply(subscriber)).as(name + " from " + status)
            .isInstanceOf(IllegalStateException.class);
      }
    }));
  }

  @Test
  void erase_whenSuppressed_keepsWhenAndWhyButNothingPersonal() {
    Subscriber suppressed = pending().suppress("complaint", "fb-1", T0.plusSeconds(60));

    Subscriber tombstone = suppressed.erase(LATER);

    assertThat(tombstone.status()).isEqualTo(SubscriberStatus.SUPPRESSED);
    assertThat(tombstone.suppressedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(tombstone.suppressionReason()).isEqualTo("complaint");
    assertThat(tombstone.erasedAt()).isEqualTo(LATER);
    assertThat(tombstone.email()).isNull();
  }

  @Test
  void erase_whenNotSuppressed_keepsNoSuppression() {
    Subscriber tombstone = pending().confirm(T0).erase(LATER);

    assertThat(tombstone.status()).isEqualTo(SubscriberStatus.ERASED);
    assertThat(tombstone.suppressedAt()).isNull();
    assertThat(tombstone.suppressionReason()).isNull();
  }

  private static Map<SubscriberStatus, Subscriber> oneOfEachStatus() {
    Subscriber pending = pending();
    Subscriber confirmed = pending.confirm(T0);
    Subscriber unsubscribed = confirmed.unsubscribe(T0);
    Map<SubscriberStatus, Subscriber> each = new EnumMap<>(SubscriberStatus.class);
    each.put(SubscriberStatus.PENDING, pending);
    each.put(SubscriberStatus.CONFIRMED, confirmed);
    each.put(SubscriberStatus.UNSUBSCRIBED, unsubscribed);
    each.put(SubscriberStatus.SUPPRESSED, confirmed.suppress("bounce", "fb-1", T0));
    each.put(SubscriberStatus.ERASED, unsubscribed.erase(T0));
    assertThat(each).allSatisfy((status, s) -> assertThat(s.status()).isEqualTo(status));
    return each;
  }

  private static Subscriber pending() {
    return Subscriber.pending("id", "ada@example.org", "Ada", "/", "signup-1", Topics.ALL, T0);
  }
}
