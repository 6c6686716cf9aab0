package dev.newsroom.operations;

import java.util.List;

/** A dead-letter queue, as the redrive reads it. */
public interface DeadLetters {

  /**
   * Up to {@code max} messages, hidden from other readers for the redrive's lease: a message
   * the redrive does not delete comes back after it, for the next run. Empty when none is left.
   */
  List<DeadLetter> receive(int max);

  void delete(DeadLetter letter);
}
