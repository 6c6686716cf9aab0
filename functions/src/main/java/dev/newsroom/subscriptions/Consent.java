package dev.newsroom.subscriptions;

import java.util.Map;

/**
 * The words a visitor agreed to when subscribing, by version. The signup box shows the current
 * wording; every signup and confirmation records the version, and an export repeats the words.
 * Change the box's text together with a new version here, and keep the old ones.
 */
public final class Consent {

  public static final String CURRENT = "newsletter-2026-01";

  static final Map<String, String> WORDING = Map.of(
      "newsletter-2026-01",
      "Subscribe to our newsletter to be the first to know about our new videos and updates.");

  private Consent() {}

  /** The wording of {@code version}, or null for an unknown one. */
  static String wording(String version) {
    return version == null ? null : WORDING.get(version);
  }
}
