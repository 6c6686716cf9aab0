package dev.newsroom.web;

import dev.newsroom.shared.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

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

  /**
   * The constant of {@code fallback}'s enum whose wire name the parameter gives, or
   * {@code fallback} when the parameter is absent; any other value is a 400 naming the accepted
   * ones, in declaration order.
   */
  public static <E extends Enum<E>> E oneOf(HttpRequest request, String name, E fallback,
      Function<E, String> wire) {
    String raw = request.query(name).orElse(null);
    if (raw == null) {
      return fallback;
    }
    List<E> values = Arrays.asList(fallback.getDeclaringClass().getEnumConstants());
    for (E value : values) {
      if (wire.apply(value).equals(raw)) {
        return value;
      }
    }
    throw new ValidationException(name, "The " + name + " must be "
        + String.join(" or ", values.stream().map(wire).toList()) + ".");
  }
}
