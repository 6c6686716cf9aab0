package dev.newsroom.campaigns;

import dev.newsroom.shared.Metric;
import dev.newsroom.shared.Metrics;
import java.util.Map;

/**
 * A send batch's progress as business metrics: counts only, skips by their reason (a category
 * such as {@code unsubscribed}), never a campaign id, subscriber id or address. Zero counts are
 * not written, so an idle sender costs no metric lines.
 */
final class CampaignMetrics {

  private CampaignMetrics() {}

  static void batch(Tally tally, boolean throttled) {
    count(Metric.CAMPAIGN_EMAILS_SENT, tally.sent());
    count(Metric.CAMPAIGN_EMAILS_FAILED, sum(tally.failed()));
    tally.skipped().forEach((reason, n) ->
        Metrics.count(Metric.CAMPAIGN_RECIPIENTS_SKIPPED, n, "reason", reason));
    count(Metric.CAMPAIGN_RECIPIENTS_UNCERTAIN, tally.uncertain());
    count(Metric.CAMPAIGN_SENDS_THROTTLED, throttled ? 1 : 0);
  }

  static long sum(Map<String, Long> byReason) {
    return byReason.values().stream().mapToLong(Long::longValue).sum();
  }

  private static void count(Metric metric, long n) {
    if (n > 0) {
      Metrics.count(metric, n);
    }
  }
}
