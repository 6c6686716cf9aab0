package dev.newsroom.contact;

/**
 * What arrived at {@code POST /api/contact}, unvalidated. Absent fields are empty strings.
 *
 * @param website the honeypot: hidden from people, so anything in it came from a bot
 * @param idempotencyKey the Idempotency-Key header, or null
 * @param referer the Referer header, or null: the page when the form did not say
 */
public record ContactRequest(String name, String email, String subject, String message,
    String page, String website, String idempotencyKey, String ip, String userAgent,
    String referer) {}
