package dev.newsroom.shared;

import java.util.regex.Pattern;

/**
 * Rules of the free-text fields every form shares, checked on the value as sent so that they
 * match the patterns openapi.yaml declares (docs/api-input.md): what the spec calls valid is
 * accepted, and nothing else.
 */
public final class TextFields {

  public static final int MAX_PAGE = 500;

  /** A site path or an http(s) URL: no spaces, no control characters, no line separators. */
  private static final Pattern PAGE =
      Pattern.compile("(https?://|/)[^\\x00-\\x20\\x7F-\\x9F\\u2028\\u2029]*");

  private TextFields() {}

  /**
   * A one-line field: no line break of any kind (CR, LF, VT, FF, NEL, and U+2028/U+2029, the
   * Unicode line and paragraph separators, which mail clients and browsers also break on), no
   * other control character, at most {@code max} code points. Returns it stripped.
   */
  public static String singleLine(String field, String raw, int max) {
    if (raw.chars().anyMatch(TextFields::breaksLine)) {
      throw new ValidationException(field, "The " + field + " must not contain line breaks.");
    }
    if (raw.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException(field, "The " + field + " must not hold control characters.");
    }
    requireMax(field, raw, max);
    return raw.strip();
  }

  public static void requireMax(String field, String text, int max) {
    if (text.codePointCount(0, text.length()) > max) {
      throw new ValidationException(field, "The " + field + " must be at most " + max
          + " characters.");
    }
  }

  static boolean breaksLine(int c) {
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028
        || c == 0x2029;
  }

  /**
   * The page a form was on: a site path or an http(s) URL. A bad value the form sent is a 400;
   * a bad Referer (which nobody typed) is simply not kept.
   */
  public static String page(String sent, String referer) {
    if (!sent.isEmpty()) {
      if (!isPage(sent)) {
        throw new ValidationException("page",
            "The page must be a path or an http(s) URL of at most " + MAX_PAGE + " characters.");
      }
      return sent;
    }
    return referer != null && isPage(referer) ? referer : null;
  }

  private static boolean isPage(String value) {
    return value.codePointCount(0, value.length()) <= MAX_PAGE && PAGE.matcher(value).matches();
  }
}
