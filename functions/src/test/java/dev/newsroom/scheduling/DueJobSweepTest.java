package dev.newsroom.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.shared.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueJobSweepTest {

  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  final InMemoryDueJobRepository jobs = new InMemoryDueJobRepository();
  final RecordingHandler handler = new RecordingHandler("test-kind");
  final DueJobSweep sweep = new DueJobSweep(jobs, List.of(handler), clock, Duration.ofSeconds(40));

  @Test
  void sweep_when_jobsDueAndNotDue_firesOnlyDueOnesOldestFirstAndRemovesThem() {
    jobs.put(job("b", T0));
    jobs.put(job("a", T0.minusSeconds(90)));
    jobs.put(job("later", T0.plusMillis(1)));

    DueJobSweep.Result result = sweep.sweep();

    assertThat(handler.fired).containsExactly("a@1", "b@1");
    assertThat(jobs.all()).extracting(DueJob::targetId).containsExactly("later");
    assertThat(result.fired()).isEqualTo(2);
    assertThat(result.maxLateness()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void sweep_when_handlerFails_keepsJobAndNextSweepFiresIt() {
    jobs.put(job("a", T0));
    jobs.put(job("b", T0));
    handler.failuresLeft = 1;

    DueJobSweep.Result first = sweep.sweep();

    assertThat(first.failed()).isEqualTo(1);
    assertThat(first.fired()).isEqualTo(1);
    assertThat(jobs.all()).extracting(DueJob::targetId).containsExactly("a");
    clock.advance(Duration.ofMinutes(1));
    DueJobSweep.Result second = sweep.sweep();
    assertThat(second.fired()).isEqualTo(1);
    assertThat(jobs.all()).isEmpty();
    assertThat(handler.fired).containsExactly("b@1", "a@1");
  }

  @Test
  void sweep_when_kindHasNoHandler_keepsJobAndCountsItFailed() {
    jobs.put(new DueJob("other-kind", "x", 3, T0));

    DueJobSweep.Result result = sweep.sweep();

    assertThat(result.failed()).isEqualTo(1);
    assertThat(jobs.all()).hasSize(1);
  }

  @Test
  void sweep_when_moreThanOnePageIsDue_firesEveryJob() {
    for (int i = 0; i < DueJobSweep.PAGE * 2 + 5; i++) {
      jobs.put(job("t" + i, T0.minusSeconds(i)));
    }

    DueJobSweep.Result result = sweep.sweep();

    assertThat(result.fired()).isEqualTo(DueJobSweep.PAGE * 2 + 5);
    assertThat(jobs.all()).isEmpty();
  }

  @Test
  void sweep_when_aFailedJobFillsTheFirstPage_stillReachesTheNextPage() {
    for (int i = 0; i < DueJobSweep.PAGE + 1; i++) {
      jobs.put(job("t" + i, T0.minusSeconds(DueJobSweep.PAGE + 1 - i)));
    }
    handler.failuresLeft = 1;

    DueJobSweep.Result result = sweep.sweep();

    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.fired()).isEqualTo(DueJobSweep.PAGE);
    assertThat(jobs.all()).extracting(DueJob::targetId).containsExactly("t0");
  }

  @Test
  void sweep_when_jobRemovedWhileFiring_countsItAlreadyRemoved() {
    DueJob job = job("a", T0);
    jobs.put(job);
    handler.onFire = () -> jobs.remove(job);

    DueJobSweep.Result result = sweep.sweep();

    assertThat(result.fired()).isEqualTo(1);
    assertThat(result.alreadyRemoved()).isEqualTo(1);
  }

  @Test
  void sweep_when_storeUnavailable_throwsAndKeepsEveryJob() {
    jobs.put(job("a", T0));
    jobs.failNextCall(new IllegalStateException("throttled"));

    assertThatThrownBy(sweep::sweep).isInstanceOf(IllegalStateException.class);
    assertThat(jobs.all()).hasSize(1);
    assertThat(handler.fired).isEmpty();
  }

  @Test
  void constructor_when_twoHandlersShareAKind_refuses() {
    assertThatThrownBy(() -> new DueJobSweep(jobs, List.of(handler, new RecordingHandler(
        "test-kind")), clock, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dueJob_when_kindIsNotLowerCaseWords_refuses() {
    assertThatThrownBy(() -> new DueJob("Article Publish", "a", 1, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static DueJob job(String target, Instant dueAt) {
    return new DueJob("test-kind", target, 1, dueAt);
  }

  static final class RecordingHandler implements DueJobHandler {
    final String kind;
    final List<String> fired = new ArrayList<>();
    int failuresLeft;
    Runnable onFire = () -> { };

    RecordingHandler(String kind) {
      this.kind = kind;
    }

    @Override
    public String kind() {
      return kind;
    }

    @Override
    public void fire(String targetId, long expectedVersion) {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IllegalStateException("down");
      }
      onFire.run();
      fired.add(targetId + "@" + expectedVersion);
    }
  }
}
