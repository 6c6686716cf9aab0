package dev.newsroom.shared;

/** A concurrent change won; the caller may retry with fresh state. */
public final class ConflictException extends DomainException {

  public ConflictException(String message) {
    super(message);
  }
}
