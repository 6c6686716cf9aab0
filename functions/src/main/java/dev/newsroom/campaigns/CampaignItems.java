package dev.newsroom.campaigns;

import static dev.newsroom.config.DynamoDbAttributes.fromN;
import static dev.newsroom.config.DynamoDbAttributes.instantOrNull;
import static dev.newsroom.config.DynamoDbAttributes.longOrZero;
import static dev.newsroom.config.DynamoDbAttributes.putIfPresent;
import static dev.newsroom.config.DynamoDbAttributes.stringOrNull;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

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
    item.put("id", fromS(c.id()));
    item.put("subject", fromS(c.subject()));
    item.put("preheader", fromS(c.preheader()));
    item.put("audienceAll", AttributeValue.fromBool(c.audience().all()));
    item.put("audienceTags", AttributeValue.fromL(
        c.audience().tags().stream().sorted().map(AttributeValue::fromS).toList()));
    item.put("state", fromS(c.state().wire()));
    item.put("createdAt", fromS(c.createdAt().toString()));
    item.put("updatedAt", fromS(c.updatedAt().toString()));
    item.put("createdBy", fromS(c.createdBy()));
    item.put("pages", fromN(c.expansion().pages()));
    item.put("expanded", AttributeValue.fromBool(c.expansion().done()));
    item.put("startQueued", AttributeValue.fromBool(c.startQueued()));
    item.put("version", fromN(c.version()));
    Counts k = c.counts();
    item.put("recipients", fromN(k.recipients()));
    item.put("sent", fromN(k.sent()));
    item.put("failed", fromN(k.failed()));
    item.put("skipped", fromN(k.skipped()));
    item.put("uncertain", fromN(k.uncertain()));
    item.put("bounced", fromN(k.bounced()));
    item.put("complained", fromN(k.complained()));
    item.put("unsubscribed", fromN(k.unsubscribed()));
    item.put("failedReasons", AttributeValue.fromM(Map.of()));
    item.put("skippedReasons", AttributeValue.fromM(Map.of()));
    putIfPresent(item, "articleSlug", c.articleSlug());
    putIfPresent(item, "digestFrom", c.digestFrom());
    putIfPresent(item, "digestTo", c.digestTo());
    putIfPresent(item, "scheduledAt", c.scheduledAt());
    putIfPresent(item, "startedAt", c.startedAt());
    putIfPresent(item, "finishedAt", c.finishedAt());
    putIfPresent(item, "startKey", c.startKey());
    if (c.expansion().cursor() != null) {
      item.put("expansionCursor", fromS(c.expansion().cursor()));
    }
    return item;
  }

  static Campaign campaign(Map<String, AttributeValue> item) {
    boolean all = item.get("audienceAll").bool();
    Set<String> tags = Set.copyOf(item.get("audienceTags").l().stream()
        .map(AttributeValue::s).toList());
    Counts counts = new Counts(longOrZero(item, "recipients"), longOrZero(item, "sent"),
        longOrZero(item, "failed"), longOrZero(item, "skipped"), longOrZero(item, "uncertain"),
        longOrZero(item, "bounced"), longOrZero(item, "complained"),
        longOrZero(item, "unsubscribed"), reasons(item, "failedReasons"),
        reasons(item, "skippedReasons"));
    return new Campaign(item.get("id").s(), stringOrNull(item, "articleSlug"),
        instantOrNull(item, "digestFrom"), instantOrNull(item, "digestTo"),
        item.get("subject").s(), stringOrNull(item, "preheader"),
        all ? Audience.ALL : new Audience(false, tags),
        CampaignState.fromWire(item.get("state").s()), instantOrNull(item, "scheduledAt"),
        instantOrNull(item, "createdAt"), instantOrNull(item, "updatedAt"),
        instantOrNull(item, "startedAt"), instantOrNull(item, "finishedAt"),
        stringOrNull(item, "createdBy"), stringOrNull(item, "startKey"),
        new Campaign.Expansion(stringOrNull(item, "expansionCursor"), longOrZero(item, "pages"),
            bool(item, "expanded")),
        bool(item, "startQueued"), counts, longOrZero(item, "version"));
  }

  static Recipient recipient(String campaignId, Map<String, AttributeValue> item) {
    String feedback = bool(item, "complained") ? "complaint"
        : bool(item, "bounced") ? "bounce" : null;
    AttributeValue lease = item.get("leaseUntil");
    return new Recipient(campaignId,
        item.get("sk").s().substring(DynamoDbCampaignRepository.RECIPIENT.length()),
        RecipientState.fromWire(item.get("state").s()), longOrZero(item, "page"),
        lease == null ? null : Instant.ofEpochMilli(Long.parseLong(lease.n())),
        stringOrNull(item, "reason"), stringOrNull(item, "settledBy"), feedback,
        bool(item, "unsubscribed"));
  }

  private static Map<String, Long> reasons(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    Map<String, Long> reasons = new HashMap<>();
    if (value != null && value.hasM()) {
      value.m().forEach((k, v) -> reasons.put(k, Long.parseLong(v.n())));
    }
    return reasons;
  }

  private static boolean bool(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value != null && Boolean.TRUE.equals(value.bool());
  }
}
