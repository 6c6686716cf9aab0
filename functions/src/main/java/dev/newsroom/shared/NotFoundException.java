package dev.newsroom.shared;

/** The thing asked for does not exist, or is not visible to this caller. */
public final class NotFoundException extends DomainException {

  public NotFoundException(String message) {
    super(message);
  }
}
