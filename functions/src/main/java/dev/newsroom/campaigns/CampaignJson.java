package dev.newsroom.campaigns;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Campaigns as the admin API shows them. */
final class CampaignJson {

  private CampaignJson() {}

  static Map<String, Object> of(Campaign c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", c.id());
    json.put("kind", c.isDigest() ? "digest" : "article");
    json.put("article", c.articleSlug());
    json.put("digestFrom", time(c.digestFrom()));
    json.put("digestTo", time(c.digestTo()));
    json.put("subject", c.subject());
    json.put("preheader", c.preheader());
    json.put("audience", c.audience().all() ? Map.of("all", true)
        : Map.of("all", false, "tags", c.audience().tags().stream().sorted().toList()));
    json.put("state", c.state().wire());
    json.put("scheduledAt", time(c.scheduledAt()));
    json.put("createdAt", time(c.createdAt()));
    json.put("startedAt", time(c.startedAt()));
    json.put("finishedAt", time(c.finishedAt()));
    json.put("version", c.version());
    Counts k = c.counts();
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("recipients", k.recipients());
    stats.put("audienceComplete", c.expansion().done());
    stats.put("pending", k.pending());
    stats.put("sent", k.sent());
    stats.put("failed", k.failed());
    stats.put("failedReasons", k.failedReasons());
    stats.put("skipped", k.skipped());
    stats.put("skippedReasons", k.skippedReasons());
    stats.put("uncertain", k.uncertain());
    stats.put("bounced", k.bounced());
    stats.put("complained", k.complained());
    stats.put("unsubscribedSince", k.unsubscribed());
    json.put("stats", stats);
    return json;
  }

  static Map<String, Object> recipient(Recipient r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("subscriberId", r.subscriberId());
    json.put("state", r.state().wire());
    json.put("reason", r.reason());
    json.put("feedback", r.feedback());
    json.put("unsubscribed", r.unsubscribed());
    return json;
  }

  static List<Map<String, Object>> recipients(List<Recipient> recipients) {
    return recipients.stream().map(CampaignJson::recipient).toList();
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
