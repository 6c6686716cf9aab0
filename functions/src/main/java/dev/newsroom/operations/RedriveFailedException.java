package dev.newsroom.operations;

/** The work a dead letter stands for failed again; the letter stays in its queue. */
public final class RedriveFailedException extends RuntimeException {

  public RedriveFailedException(String message) {
    super(message);
  }
}
