package dev.newsroom.operations;

import dev.newsroom.shared.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Empties a dead-letter queue by replaying what its messages stand for. A message is deleted only
 * after its replay succeeded, so a crash or a failed replay leaves it in the queue (visible again
 * after the lease) for the next run; a replay may therefore happen twice, which every consumer
 * here tolerates (claims, idempotency keys, re-rendering from stored state).
 */
public final class Redriver {

  /** SQS's largest receive. */
  static final int BATCH = 10;

  /** How many messages were replayed and deleted, and how many stay for another run. */
  public record Outcome(int redriven, int kept) {}

  private final DeadLetters dlq;

  public Redriver(DeadLetters dlq) {
    this.dlq = dlq;
  }

  /** For messages that hold their work: replays each one on its own. */
  public Outcome each(Consumer<String> replay) {
    int redriven = 0;
    int kept = 0;
    for (List<DeadLetter> batch = dlq.receive(BATCH); !batch.isEmpty();
        batch = dlq.receive(BATCH)) {
      for (DeadLetter letter : batch) {
        try {
          replay.accept(letter.body());
        } catch (RuntimeException e) {
          Log.error("redrive.kept", e);
          kept++;
          continue;
        }
        dlq.delete(letter);
        redriven++;
      }
    }
    return report(redriven, kept);
  }

  /**
   * For messages that only say some work failed (stream pointers, failed sweeps): reads them all,
   * redoes the work once from the stored state, and deletes them if it succeeded. An empty queue
   * redoes nothing.
   */
  public Outcome once(Runnable work) {
    List<DeadLetter> letters = new ArrayList<>();
    for (List<DeadLetter> batch = dlq.receive(BATCH); !batch.isEmpty();
        batch = dlq.receive(BATCH)) {
      letters.addAll(batch);
    }
    if (letters.isEmpty()) {
      return report(0, 0);
    }
    try {
      work.run();
    } catch (RuntimeException e) {
      Log.error("redrive.kept", e);
      return report(0, letters.size());
    }
    letters.forEach(dlq::delete);
    return report(letters.size(), 0);
  }

  private static Outcome report(int redriven, int kept) {
    Log.info("redrive.done", Map.of("redriven", redriven, "kept", kept));
    return new Outcome(redriven, kept);
  }
}
