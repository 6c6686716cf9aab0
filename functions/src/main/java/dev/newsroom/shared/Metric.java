package dev.newsroom.shared;

/**
 * Every business metric the functions emit, counted in CloudWatch namespace
 * {@link Metrics#NAMESPACE}. A new metric is a new constant here, and the template test that
 * reads this list fails until the dashboard in template.yaml shows it.
 */
public enum Metric {
  SIGNUPS("Signups"),
  CONFIRMATIONS("Confirmations"),
  UNSUBSCRIBES("Unsubscribes"),
  BOUNCES("Bounces"),
  COMPLAINTS("Complaints"),
  EMAILS_SENT("EmailsSent"),
  /** Refused for good by SES (the outbox item is marked failed); retries are Lambda errors. */
  EMAILS_FAILED("EmailsFailed"),
  /** Not sent because the address bounced or complained before. */
  EMAILS_SUPPRESSED("EmailsSuppressed"),
  CONTACT_MESSAGES("ContactMessages"),
  PUBLISH_RUNS("PublishRuns"),
  PAGES_WRITTEN("PagesWritten"),
  COLD_STARTS("ColdStarts");

  private final String cloudWatchName;

  Metric(String cloudWatchName) {
    this.cloudWatchName = cloudWatchName;
  }

  /** The name CloudWatch files it under. */
  public String cloudWatchName() {
    return cloudWatchName;
  }
}
