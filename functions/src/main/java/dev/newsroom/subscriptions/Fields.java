package dev.newsroom.subscriptions;

import dev.newsroom.shared.ValidationException;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** Checks of the free-text fields a signup may carry. */
final class Fields {

  static final int MAX_NAME = 100;
  static final int MAX_PAGE = 500;
  private static final Pattern PAGE = Pattern.compile("(https?://|/)[^\\s\\p{Cntrl}]*");

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

  /**
   * The page the signup came from: a site path or an http(s) URL. A bad value the form sent is a
   * 400; a bad Referer (which the visitor did not type) is simply not kept.
   */
  static String page(String sent, String referer) {
    if (!sent.isEmpty()) {
      if (sent.length() > MAX_PAGE || !PAGE.matcher(sent).matches()) {
        throw new ValidationException("page",
            "The page must be a path or an http(s) URL of at most " + MAX_PAGE + " characters.");
      }
      return sent;
    }
    if (referer != null && referer.length() <= MAX_PAGE && PAGE.matcher(referer).matches()) {
      return referer;
    }
    return null;
  }
}
