package dev.newsroom.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RedriverTest {

  @Test
  void each_whenQueueHoldsMoreThanOneReceive_replaysAndDeletesEveryMessage() {
    String[] bodies = IntStream.range(0, 23).mapToObj(i -> "m" + i).toArray(String[]::new);
    InMemoryDeadLetters dlq = new InMemoryDeadLetters().add(bodies);
    List<String> replayed = new ArrayList<>();

    Redriver.Outcome outcome = new Redriver(dlq).each(replayed::add);

    assertThat(replayed).containsExactly(bodies);
    assertThat(outcome).isEqualTo(new Redriver.Outcome(23, 0));
    assertThat(dlq.remaining()).isEmpty();
  }

  @Test
  void each_whenOneReplayFails_keepsThatMessageOnly() {
    InMemoryDeadLetters dlq = new InMemoryDeadLetters().add("a", "bad", "c");

    Redriver.Outcome outcome = new Redriver(dlq).each(body -> {
      if (body.equals("bad")) {
        throw new RedriveFailedException("still failing");
      }
    });

    assertThat(outcome).isEqualTo(new Redriver.Outcome(2, 1));
    assertThat(dlq.remaining()).containsExactly("bad");
  }

  @Test
  void once_whenQueueHoldsMessages_runsTheWorkOnceAndDeletesThemAll() {
    InMemoryDeadLetters dlq = new InMemoryDeadLetters()
        .add(IntStream.range(0, 12).mapToObj(i -> "m" + i).toArray(String[]::new));
    int[] runs = {0};

    Redriver.Outcome outcome = new Redriver(dlq).once(() -> runs[0]++);

    assertThat(runs[0]).isEqualTo(1);
    assertThat(outcome).isEqualTo(new Redriver.Outcome(12, 0));
    assertThat(dlq.remaining()).isEmpty();
  }

  @Test
  void once_whenWorkFails_keepsEveryMessage() {
    InMemoryDeadLetters dlq = new InMemoryDeadLetters().add("a", "b");

    Redriver.Outcome outcome = new Redriver(dlq).once(() -> {
      throw new RedriveFailedException("rebuild failed");
    });

    assertThat(outcome).isEqualTo(new Redriver.Outcome(0, 2));
    assertThat(dlq.remaining()).containsExactly("a", "b");
  }

  @Test
  void once_whenQueueIsEmpty_doesNotRunTheWork() {
    int[] runs = {0};

    Redriver.Outcome outcome = new Redriver(new InMemoryDeadLetters()).once(() -> runs[0]++);

    assertThat(runs[0]).isZero();
    assertThat(outcome).isEqualTo(new Redriver.Outcome(0, 0));
  }
}
