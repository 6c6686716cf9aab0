package dev.newsroom.cli;

/** A command that cannot do what was asked, outside the API (exit code 1). */
final class CommandRefused extends RuntimeException {

  private final String code;

  CommandRefused(String code, String message) {
    super(message);
    this.code = code;
  }

  String code() {
    return code;
  }
}
