package dev.newsroom.subscriptions;

/**
 * Who made a request, as the consent log keeps it.
 *
 * @param ip the source address API Gateway saw
 * @param userAgent the User-Agent header, control characters removed and capped
 */
public record Visitor(String ip, String userAgent) {

  static final int MAX_USER_AGENT = 512;

  public Visitor {
    userAgent = clean(userAgent == null ? "" : userAgent);
  }

  private static String clean(String raw) {
    String text = raw.codePoints().filter(c -> !Character.isISOControl(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString().strip();
    return text.codePointCount(0, text.length()) <= MAX_USER_AGENT ? text
        : text.substring(0, text.offsetByCodePoints(0, MAX_USER_AGENT));
  }
}
