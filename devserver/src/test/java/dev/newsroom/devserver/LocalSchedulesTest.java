package dev.newsroom.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalSchedulesTest {

  @Test
  void scheduledInvocations_when_repositoryTemplate_runTheSweepEveryMinute() throws Exception {
    SamTemplate template = SamTemplate.read(Path.of("..", "template.yaml"));

    assertThat(template.scheduledInvocations()).contains(new SamTemplate.ScheduledInvocation(
        "SweepDueJobsFunction", "dev.newsroom.sweep.SweepDueJobsHandler", Duration.ofMinutes(1)));
  }

  @Test
  void rate_when_rateExpressions_readAsDurations() {
    assertThat(SamTemplate.rate("rate(1 minute)")).isEqualTo(Duration.ofMinutes(1));
    assertThat(SamTemplate.rate("rate(5 minutes)")).isEqualTo(Duration.ofMinutes(5));
    assertThat(SamTemplate.rate("rate(2 hours)")).isEqualTo(Duration.ofHours(2));
    assertThat(SamTemplate.rate("rate(1 day)")).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void rate_when_cronExpression_refusesRatherThanGuess() {
    assertThatThrownBy(() -> SamTemplate.rate("cron(0 8 * * ? *)"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void event_when_built_looksLikeEventBridgesScheduledEvent() {
    assertThat(LocalSchedules.event("SweepDueJobsFunction"))
        .containsEntry("detail-type", "Scheduled Event").containsEntry("source", "aws.events")
        .containsKeys("time", "resources", "detail");
  }
}
