package dev.newsroom.subscriptions;

import dev.newsroom.shared.ValidationException;
import java.text.Normalizer;

/** Checks of the free-text fields a signup may carry. */
final class Fields {

  static final int MAX_NAME = 100;

  private Fields() {}

  /** The optional name: one line, no control characters, at most {@link #MAX_NAME}. */
  static String name(String raw) {
    if (raw.indexOf('\r') >= 0 || raw.indexOf('\n') >= 0) {
      throw new ValidationException("name", "The name must not contain line breaks.");
    }
    String text = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException("name", "The name must not hold control characters.");
    }
    if (text.codePointCount(0, text.length()) > MAX_NAME) {
      throw new ValidationException("name", "The name must be at most " + MAX_NAME
          + " characters.");
    }
    return text.isEmpty() ? null : text;
  }
}
