package dev.newsroom.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.infra.Templates;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The image claim's timeout fits ProcessImageFunction's timeout and Lambda's retry schedule for
 * asynchronous events (the first retry comes at least one minute after a failure): a live worker
 * keeps its claim, and the retry of a worker that timed out takes it over instead of finding it
 * held until the retries run out.
 */
class ImagesTemplateTest {

  /** Lambda's documented wait before the first retry of a failed asynchronous invocation. */
  private static final Duration FIRST_RETRY_DELAY = Duration.ofMinutes(1);

  private final JsonNode function = Templates.template().at("/Resources/ProcessImageFunction");

  @Test
  void claimTimeout_whenComparedWithTheFunctionTimeout_thenALiveClaimIsNeverTakenOver() {
    assertThat(ImageArrivals.CLAIM_TIMEOUT).isGreaterThan(functionTimeout());
  }

  @Test
  void claimTimeout_whenTheWorkerTimedOut_thenStaleByTheFirstRetry() {
    assertThat(function.at("/Properties/EventInvokeConfig/MaximumRetryAttempts").asInt())
        .isGreaterThanOrEqualTo(1);
    assertThat(ImageArrivals.CLAIM_TIMEOUT).isLessThan(functionTimeout().plus(FIRST_RETRY_DELAY));
  }

  private Duration functionTimeout() {
    JsonNode timeout = function.at("/Properties/Timeout");
    if (timeout.isMissingNode()) {
      timeout = Templates.template().at("/Globals/Function/Timeout");
    }
    assertThat(timeout.isInt()).as("ProcessImageFunction's timeout").isTrue();
    return Duration.ofSeconds(timeout.asInt());
  }
}
