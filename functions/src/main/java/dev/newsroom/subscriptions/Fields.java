package dev.newsroom.subscriptions;

import dev.newsroom.shared.TextFields;
import java.text.Normalizer;

/** Checks of the free-text fields a signup may carry. */
final class Fields {

  static final int MAX_NAME = 100;

  private Fields() {}

  /** The optional name: one line, no control characters, at most {@link #MAX_NAME}. */
  static String name(String raw) {
    String text = Normalizer.normalize(TextFields.singleLine("name", raw, MAX_NAME),
        Normalizer.Form.NFC);
    return text.isEmpty() ? null : text;
  }
}
