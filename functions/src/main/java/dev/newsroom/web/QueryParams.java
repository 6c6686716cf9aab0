package dev.newsroom.web;

import dev.newsroom.shared.ValidationException;

/** Typed query parameters; a value of the wrong shape is a 400, never an exception leak. */
public final class QueryParams {

  private QueryParams() {}

  /** The integer parameter, or null when absent. */
  public static Integer optionalInt(HttpRequest request, String name) {
    String raw = request.query(name).orElse(null);
    if (raw == null) {
      return null;
    }
    if (raw.isEmpty() || raw.length() > 9 || !raw.chars().allMatch(Character::isDigit)) {
      throw new ValidationException(name, "The " + name + " must be a whole number.");
    }
    return Integer.parseInt(raw);
  }
}
