package dev.newsroom.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.scheduling.DueJob;
import dev.newsroom.scheduling.DueJobHandler;
import dev.newsroom.scheduling.DueJobSweep;
import dev.newsroom.scheduling.InMemoryDueJobRepository;
import dev.newsroom.shared.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepDueJobsHandlerTest {

  static final Instant NOW = Instant.parse("2026-01-05T09:00:30Z");

  final InMemoryDueJobRepository jobs = new InMemoryDueJobRepository();
  final MutableClock clock = new MutableClock(NOW);

  @Test
  void handleRequest_when_sampleEventAndJobsDue_firesThemAndSaysSo() throws Exception {
    jobs.put(new DueJob("ok-kind", "a", 1, NOW.minusSeconds(30)));
    SweepDueJobsHandler handler = handler(new Handler("ok-kind", false));

    Map<String, Object> answer = handler.handleRequest(sampleEvent(), null);

    assertThat(answer).containsEntry("fired", 1).containsEntry("maxLatenessMs", 30_000L);
    assertThat(jobs.all()).isEmpty();
  }

  @Test
  void handleRequest_when_aJobFails_endsInErrorAndKeepsTheJob() throws Exception {
    jobs.put(new DueJob("bad-kind", "a", 1, NOW));
    SweepDueJobsHandler handler = handler(new Handler("bad-kind", true));

    assertThatThrownBy(() -> handler.handleRequest(sampleEvent(), null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 due jobs failed");
    assertThat(jobs.all()).hasSize(1);
  }

  private SweepDueJobsHandler handler(DueJobHandler kind) {
    return new SweepDueJobsHandler(new DueJobSweep(jobs, List.of(kind), clock,
        Duration.ofSeconds(40)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> sampleEvent() throws Exception {
    return new ObjectMapper().readValue(Path.of("..", "events", "sweep-due-jobs.json").toFile(),
        Map.class);
  }

  record Handler(String kind, boolean fails) implements DueJobHandler {
    @Override
    public void fire(String targetId, long expectedVersion) {
      if (fails) {
        throw new IllegalStateException("down");
      }
    }
  }
}
