package dev.newsroom.subscriptions;

/**
 * What arrived at {@code POST /api/subscriptions}, unvalidated. Absent fields are empty strings.
 *
 * @param page the page the form was on, as the form sent it
 * @param website the honeypot: hidden from people, so anything in it came from a bot
 * @param referer the Referer header, or null: the page when the form did not say
 * @param siteUrl the public origin the confirmation email's links use
 */
public record SignupRequest(String email, String name, String page, String website,
    String referer, Visitor visitor, String siteUrl) {}
