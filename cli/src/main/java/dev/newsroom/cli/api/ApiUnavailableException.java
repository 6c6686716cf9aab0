package dev.newsroom.cli.api;

/** The server could not be reached, timed out or failed (5xx): a later retry may work. */
public final class ApiUnavailableException extends RuntimeException {

  public ApiUnavailableException(String message) {
    super(message);
  }
}
