package dev.newsroom.contact;

import dev.newsroom.config.Env;
import dev.newsroom.shared.EmailAddress;
import java.time.Duration;

/**
 * The contact form's deployment choices, from template parameters.
 *
 * @param editors where notifications go
 * @param retention how long messages are kept (DynamoDB TTL)
 * @param acknowledge whether the sender gets a fixed "we received it" email
 */
public record ContactSettings(EmailAddress editors, Duration retention, boolean acknowledge) {

  static final int MAX_RETENTION_DAYS = 3650;

  /** Reads EDITORS_EMAIL, CONTACT_RETENTION_DAYS and CONTACT_ACKNOWLEDGEMENT; fails at init. */
  public static ContactSettings fromEnv() {
    return of(Env.require("EDITORS_EMAIL"), Env.optional("CONTACT_RETENTION_DAYS").orElse("180"),
        Env.optional("CONTACT_ACKNOWLEDGEMENT").orElse("false"));
  }

  static ContactSettings of(String editors, String retentionDays, String acknowledge) {
    int days;
    try {
      days = Integer.parseInt(retentionDays);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("CONTACT_RETENTION_DAYS must be a whole number of days");
    }
    if (days < 1 || days > MAX_RETENTION_DAYS) {
      throw new IllegalStateException("CONTACT_RETENTION_DAYS must be 1 to " + MAX_RETENTION_DAYS);
    }
    if (!acknowledge.equals("true") && !acknowledge.equals("false")) {
      throw new IllegalStateException("CONTACT_ACKNOWLEDGEMENT must be true or false");
    }
    return new ContactSettings(EmailAddress.parse("EDITORS_EMAIL", editors), Duration.ofDays(days),
        Boolean.parseBoolean(acknowledge));
  }
}
