package dev.newsroom.campaigns;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Campaign and recipient items of the campaigns table. */
final class CampaignItems {

  private CampaignItems() {}

  static String partition(String campaignId) {
    return "campaign#" + campaignId;
  }

  static Map<String, AttributeValue> item(Campaign c) {
    Map<String, AttributeValue> item = new HashMap<>(
        DynamoDbCampaignRepository.key(c.id(), DynamoDbCampaignRepository.CAMPAIGN));
    item.put("id", s(c.id()));
    item.put("subject", s(c.subject()));
    item.put("preheader", s(c.preheader()));
    item.put("audienceAll", AttributeValue.fromBool(c.audience().all()));
    item.put("audienceTags", AttributeValue.fromL(
        c.audience().tags().stream().sorted().map(AttributeValue::fromS).toList()));
    item.put("state", s(c.state().wire()));
    item.put("createdAt", s(c.createdAt().toString()));
    item.put("updatedAt", s(c.updatedAt().toString()));
    item.put("createdBy", s(c.createdBy()));
    item.put("pages", n(c.expansion().pages()));
    item.put("expanded", AttributeValue.fromBool(c.expansion().done()));
    item.put("startQueued", AttributeValue.fromBool(c.startQueued()));
    item.put("version", n(c.version()));
    Counts k = c.counts();
    item.put("recipients", n(k.recipients()));
    item.put("sent", n(k.sent()));
    item.put("failed", n(k.failed()));
    item.put("skipped", n(k.skipped()));
    item.put("uncertain", n(k.uncertain()));
    item.put("bounced", n(k.bounced()));
    item.put("complained", n(k.complained()));
    item.put("failedReasons", AttributeValue.fromM(Map.of()));
    item.put("skippedReasons", AttributeValue.fromM(Map.of()));
    put(item, "articleSlug", c.articleSlug());
    put(item, "digestFrom", c.digestFrom());
    put(item, "digestTo", c.digestTo());
    put(item, "scheduledAt", c.scheduledAt());
    put(item, "startedAt", c.startedAt());
    put(item, "finishedAt", c.finishedAt());
    put(item, "startKey", c.startKey());
    if (c.expansion().cursor() != null) {
      item.put("expansionCursor", s(c.expansion().cursor()));
    }
    return item;
  }

  static Campaign campaign(Map<String, AttributeValue> item) {
    boolean all = item.get("audienceAll").bool();
    Set<String> tags = Set.copyOf(item.get("audienceTags").l().stream()
        .map(AttributeValue::s).toList());
    Counts counts = new Counts(num(item, "recipients"), num(item, "sent"), num(item, "failed"),
        num(item, "skipped"), num(item, "uncertain"), num(item, "bounced"),
        num(item, "complained"), reasons(item, "failedReasons"),
        reasons(item, "skippedReasons"));
    return new Campaign(item.get("id").s(), text(item, "articleSlug"), time(item, "digestFrom"),
        time(item, "digestTo"), item.get("subject").s(), text(item, "preheader"),
        all ? Audience.ALL : new Audience(false, tags),
        CampaignState.fromWire(item.get("state").s()), time(item, "scheduledAt"),
        time(item, "createdAt"), time(item, "updatedAt"), time(item, "startedAt"),
        time(item, "finishedAt"), text(item, "createdBy"), text(item, "startKey"),
        new Campaign.Expansion(text(item, "expansionCursor"), num(item, "pages"),
            bool(item, "expanded")),
        bool(item, "startQueued"), counts, num(item, "version"));
  }

  static Recipient recipient(String campaignId, Map<String, AttributeValue> item) {
    String feedback = bool(item, "complained") ? "complaint"
        : bool(item, "bounced") ? "bounce" : null;
    AttributeValue lease = item.get("leaseUntil");
    return new Recipient(campaignId,
        item.get("sk").s().substring(DynamoDbCampaignRepository.RECIPIENT.length()),
        RecipientState.fromWire(item.get("state").s()), num(item, "page"),
        lease == null ? null : Instant.ofEpochMilli(Long.parseLong(lease.n())),
        text(item, "reason"), text(item, "settledBy"), feedback);
  }

  private static Map<String, Long> reasons(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    Map<String, Long> reasons = new HashMap<>();
    if (value != null && value.hasM()) {
      value.m().forEach((k, v) -> reasons.put(k, Long.parseLong(v.n())));
    }
    return reasons;
  }

  private static long num(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }

  private static boolean bool(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value != null && Boolean.TRUE.equals(value.bool());
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static Instant time(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : Instant.parse(value.s());
  }

  private static void put(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }

  private static void put(Map<String, AttributeValue> item, String name, Instant value) {
    if (value != null) {
      item.put(name, s(value.toString()));
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

}
