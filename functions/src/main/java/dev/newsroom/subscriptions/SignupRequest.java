package dev.newsroom.subscriptions;

import java.util.List;

/**
 * What arrived at {@code POST /api/subscriptions}, unvalidated. Absent fields are empty strings.
 *
 * @param page the page the form was on, as the form sent it
 * @param website the honeypot: hidden from people, so anything in it came from a bot
 * @param referer the Referer header, or null: the page when the form did not say
 * @param siteUrl the public origin the confirmation email's links use
 * @param topics "all", "tags", or empty (then: chosen tags if any were sent, else all news)
 * @param tags the tags chosen, as sent
 */
public record SignupRequest(String email, String name, String page, String website,
    String referer, Visitor visitor, String siteUrl, String topics, List<String> tags) {

  public SignupRequest {
    tags = List.copyOf(tags);
  }

  /** A signup that chose no topics: all news. */
  public SignupRequest(String email, String name, String page, String website, String referer,
      Visitor visitor, String siteUrl) {
    this(email, name, page, website, referer, visitor, siteUrl, "", List.of());
  }
}
