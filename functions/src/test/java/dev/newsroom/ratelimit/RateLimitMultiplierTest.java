package dev.newsroom.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimitMultiplierTest {

  @Test
  void multiplier_whenConfigured_isAWholeNumberFromOneToTheMaximum() {
    assertThat(DynamoDbRateLimiter.multiplier("1")).isEqualTo(1);
    assertThat(DynamoDbRateLimiter.multiplier("1000")).isEqualTo(1000);
  }

  @Test
  void multiplier_whenItWouldLowerOrRemoveTheLimits_failsAtStart() {
    for (String bad : new String[] {"0", "-5", "1001", "2.5", "", "lots"}) {
      assertThatThrownBy(() -> DynamoDbRateLimiter.multiplier(bad))
          .as(bad).isInstanceOf(IllegalStateException.class);
    }
  }
}
