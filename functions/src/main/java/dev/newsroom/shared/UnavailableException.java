package dev.newsroom.shared;

/**
 * A dependency (database, mail) refused or failed the request, so nothing was accepted. Adapters
 * throw it for throttling and 5xx answers; the client gets 503 with Retry-After.
 */
public final class UnavailableException extends DomainException {

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
