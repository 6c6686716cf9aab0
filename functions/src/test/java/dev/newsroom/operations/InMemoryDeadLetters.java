package dev.newsroom.operations;

import java.util.ArrayList;
import java.util.List;

/** A dead-letter queue in memory: a read message is hidden for the rest of the run, as a lease. */
final class InMemoryDeadLetters implements DeadLetters {

  private final List<DeadLetter> visible = new ArrayList<>();
  private final List<DeadLetter> hidden = new ArrayList<>();
  private int sequence;

  InMemoryDeadLetters add(String... bodies) {
    for (String body : bodies) {
      visible.add(new DeadLetter(body, "receipt-" + ++sequence));
    }
    return this;
  }

  @Override
  public List<DeadLetter> receive(int max) {
    List<DeadLetter> batch = new ArrayList<>(visible.subList(0, Math.min(max, visible.size())));
    visible.removeAll(batch);
    hidden.addAll(batch);
    return batch;
  }

  @Override
  public void delete(DeadLetter letter) {
    if (!hidden.remove(letter)) {
      throw new IllegalStateException("deleted a message it had not read: " + letter);
    }
  }

  /** What the queue holds once the lease ends. */
  List<String> remaining() {
    List<String> bodies = new ArrayList<>();
    visible.forEach(letter -> bodies.add(letter.body()));
    hidden.forEach(letter -> bodies.add(letter.body()));
    return bodies;
  }
}
