package dev.newsroom.cli.config;

/** The client is not configured well enough to run: nothing was sent. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }
}
