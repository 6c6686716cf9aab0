package dev.newsroom.pages;

import dev.newsroom.config.Env;

/**
 * What pages need to know about the site itself.
 *
 * @param url the public origin, without a trailing slash, e.g. {@code https://news.example.com}
 * @param name the site's name, shown in the masthead and feeds
 * @param about what the about page says of the site; null for a sentence made from the name
 * @param privacyContact an email address for privacy requests; null sends them to the contact
 *     form
 * @param contactRetentionDays how long contact messages are kept: the privacy page states the
 *     value the contact form's own function is given ({@code ContactRetentionDays})
 */
public record SiteConfig(String url, String name, String about, String privacyContact,
    int contactRetentionDays) {

  /** The contact feature's default, as template.yaml's {@code ContactRetentionDays}. */
  public static final int DEFAULT_CONTACT_RETENTION_DAYS = 180;

  public SiteConfig {
    url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    about = about == null || about.isBlank()
        ? name + " publishes news and analysis, written and edited by its own newsroom."
        : about.strip();
    privacyContact = privacyContact == null || privacyContact.isBlank() ? null
        : privacyContact.strip();
    if (contactRetentionDays < 1) {
      throw new IllegalArgumentException("contactRetentionDays must be at least 1");
    }
  }

  /** The publisher logo (site/static/logo.png), square, for structured data and link previews. */
  public static final String LOGO_PATH = "/static/logo.png";
  public static final int LOGO_SIZE = 512;

  /** A site with the default about text, privacy contact and retention. */
  public SiteConfig(String url, String name) {
    this(url, name, null, null, DEFAULT_CONTACT_RETENTION_DAYS);
  }

  public String logo() {
    return url + LOGO_PATH;
  }

  /** SITE_URL (required), SITE_NAME, SITE_ABOUT, PRIVACY_CONTACT, CONTACT_RETENTION_DAYS. */
  public static SiteConfig fromEnv() {
    String days = Env.optional("CONTACT_RETENTION_DAYS")
        .orElse(Integer.toString(DEFAULT_CONTACT_RETENTION_DAYS));
    int retention;
    try {
      retention = Integer.parseInt(days.strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("CONTACT_RETENTION_DAYS must be a whole number of days");
    }
    return new SiteConfig(Env.require("SITE_URL"), Env.optional("SITE_NAME").orElse("Newsroom"),
        Env.optional("SITE_ABOUT").orElse(null), Env.optional("PRIVACY_CONTACT").orElse(null),
        retention);
  }
}
