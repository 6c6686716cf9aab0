package dev.newsroom.shared;

import java.util.regex.Pattern;

/**
 * The page a form was sent from, kept with what it sent: a site path or an http(s) URL, one
 * token with no white space or control characters.
 */
public final class SourcePage {

  public static final int MAX_LENGTH = 500;
  private static final Pattern PAGE = Pattern.compile("(https?://|/)[^\\s\\p{Cntrl}]*");

  private SourcePage() {}

  /**
   * A bad value the form sent is a 400; a bad Referer (which the visitor did not type) is simply
   * not kept.
   *
   * @param sent the form's {@code page} field, empty when it has none
   * @param referer the request's Referer header, or null
   * @return the page, or null when neither gives one
   */
  public static String of(String sent, String referer) {
    if (!sent.isEmpty()) {
      if (!valid(sent)) {
        throw new ValidationException("page", "The page must be a path or an http(s) URL of at"
            + " most " + MAX_LENGTH + " characters.");
      }
      return sent;
    }
    return referer != null && valid(referer) ? referer : null;
  }

  private static boolean valid(String page) {
    return page.length() <= MAX_LENGTH && PAGE.matcher(page).matches();
  }
}
