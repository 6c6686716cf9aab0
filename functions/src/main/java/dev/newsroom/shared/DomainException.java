package dev.newsroom.shared;

/**
 * A failure the caller can act on. Its message is written for the client and must never carry
 * internal detail (stack traces, SDK text, stored values).
 */
public abstract class DomainException extends RuntimeException {

  protected DomainException(String message) {
    this(message, null);
  }

  /** Keeps the cause for operators' stack traces; the client still sees only the message. */
  protected DomainException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
