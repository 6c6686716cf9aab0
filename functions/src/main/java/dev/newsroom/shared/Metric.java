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
  COLD_STARTS("ColdStarts"),
  // campaign progress (issue 17), per send batch: campaigns.CampaignMetrics
  CAMPAIGN_EMAILS_SENT("CampaignEmailsSent"),
  /** Refused for good (an SES rejection, an unrenderable message); the recipient is failed. */
  CAMPAIGN_EMAILS_FAILED("CampaignEmailsFailed"),
  /** Left out at send time (unsubscribed, suppressed, erased, no longer following), by reason. */
  CAMPAIGN_RECIPIENTS_SKIPPED("CampaignRecipientsSkipped"),
  /** May or may not have gone out (no answer from SES, a claim whose lease ran out). */
  CAMPAIGN_RECIPIENTS_UNCERTAIN("CampaignRecipientsUncertain"),
  /** Batches that SES throttled and that were queued again with a back-off. */
  CAMPAIGN_SENDS_THROTTLED("CampaignSendsThrottled");

  private final String cloudWatchName;

  Metric(String cloudWatchName) {
    this.cloudWatchName = cloudWatchName;
  }

  /** The name CloudWatch files it under. */
  public String cloudWatchName() {
    return cloudWatchName;
  }
}
