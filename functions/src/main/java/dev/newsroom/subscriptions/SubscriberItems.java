package dev.newsroom.subscriptions;

import static dev.newsroom.config.DynamoDbAttributes.fromN;
import static dev.newsroom.config.DynamoDbAttributes.instantOrNull;
import static dev.newsroom.config.DynamoDbAttributes.putIfPresent;
import static dev.newsroom.config.DynamoDbAttributes.stringOrNull;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import dev.newsroom.shared.Hashing;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Static mapping between subscriptions and the subscribers table's items (profile, consent
 * event, confirmation token): the one place that knows their layout. No reflection.
 */
final class SubscriberItems {

  static final String PROFILE = "profile";
  static final String TOKEN = "token";
  private static final DateTimeFormatter EVENT_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private SubscriberItems() {}

  static String subscriberKey(String id) {
    return "sub#" + id;
  }

  static Map<String, AttributeValue> profileItem(Subscriber v) {
    Map<String, AttributeValue> item = new HashMap<>(key(subscriberKey(v.id()), PROFILE));
    item.put("id", fromS(v.id()));
    item.put("status", fromS(v.status().wire()));
    item.put("version", fromN(v.version()));
    item.put("createdAt", fromS(v.createdAt().toString()));
    item.put("updatedAt", fromS(v.updatedAt().toString()));
    putIfPresent(item, "email", v.email());
    putIfPresent(item, "name", v.name());
    putIfPresent(item, "signupId", v.signupId());
    putIfPresent(item, "page", v.page());
    putIfPresent(item, "confirmedAt", v.confirmedAt());
    putIfPresent(item, "unsubscribedAt", v.unsubscribedAt());
    putIfPresent(item, "suppressedAt", v.suppressedAt());
    putIfPresent(item, "suppressionReason", v.suppressionReason());
    putIfPresent(item, "erasedAt", v.erasedAt());
    putIfPresent(item, "lastConfirmationAt", v.lastConfirmationAt());
    putIfPresent(item, "lastDataRequestAt", v.lastDataRequestAt());
    putIfPresent(item, "lastFeedbackId", v.lastFeedbackId());
    if (!v.topics().all()) {
      item.put("topicTags", AttributeValue.fromSs(List.copyOf(v.topics().tags())));
    }
    return item;
  }

  static Subscriber subscriber(Map<String, AttributeValue> item) {
    return new Subscriber(item.get("id").s(), stringOrNull(item, "email"),
        stringOrNull(item, "name"), SubscriberStatus.fromWire(item.get("status").s()),
        stringOrNull(item, "signupId"), stringOrNull(item, "page"),
        instantOrNull(item, "createdAt"), instantOrNull(item, "updatedAt"),
        instantOrNull(item, "confirmedAt"), instantOrNull(item, "unsubscribedAt"),
        instantOrNull(item, "suppressedAt"), stringOrNull(item, "suppressionReason"),
        instantOrNull(item, "erasedAt"), instantOrNull(item, "lastConfirmationAt"),
        instantOrNull(item, "lastDataRequestAt"), stringOrNull(item, "lastFeedbackId"),
        topics(item), Long.parseLong(item.get("version").n()));
  }

  /** No {@code topicTags} (all news, or a profile stored before topics existed): all news. */
  private static Topics topics(Map<String, AttributeValue> item) {
    AttributeValue tags = item.get("topicTags");
    return tags == null || !tags.hasSs() || tags.ss().isEmpty()
        ? Topics.ALL : new Topics(false, new HashSet<>(tags.ss()));
  }

  /** Sort keys in fixed-width time, so the log reads oldest first; the suffix keeps them unique. */
  static Map<String, AttributeValue> eventItem(String id, ConsentEvent e) {
    Map<String, AttributeValue> item = new HashMap<>(key(subscriberKey(id),
        "event#" + EVENT_TIME.format(e.at()) + "#" + Hashing.randomToken(6)));
    item.put("type", fromS(e.type().wire()));
    item.put("at", fromS(e.at().toString()));
    putIfPresent(item, "ip", e.ip());
    putIfPresent(item, "userAgent", e.userAgent());
    putIfPresent(item, "page", e.page());
    putIfPresent(item, "consentVersion", e.consentVersion());
    putIfPresent(item, "detail", e.detail());
    return item;
  }

  static ConsentEvent event(Map<String, AttributeValue> item) {
    return new ConsentEvent(ConsentEvent.Type.fromWire(item.get("type").s()),
        Instant.parse(item.get("at").s()), stringOrNull(item, "ip"),
        stringOrNull(item, "userAgent"), stringOrNull(item, "page"),
        stringOrNull(item, "consentVersion"), stringOrNull(item, "detail"));
  }

  static Map<String, AttributeValue> tokenItem(ConfirmationToken t) {
    Map<String, AttributeValue> item = new HashMap<>(key(tokenKey(t.hash()), TOKEN));
    item.put("subscriberId", fromS(t.subscriberId()));
    item.put("signupId", fromS(t.signupId()));
    item.put("consentVersion", fromS(t.consentVersion()));
    item.put("createdAt", fromS(t.createdAt().toString()));
    item.put("expiresAt", fromN(t.expiresAt().getEpochSecond()));
    putIfPresent(item, "page", t.page());
    putIfPresent(item, "usedAt", t.usedAt());
    return item;
  }

  static ConfirmationToken token(Map<String, AttributeValue> item) {
    return new ConfirmationToken(item.get("pk").s().substring(tokenKey("").length()),
        item.get("subscriberId").s(), item.get("signupId").s(), stringOrNull(item, "page"),
        item.get("consentVersion").s(), Instant.parse(item.get("createdAt").s()),
        Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())),
        instantOrNull(item, "usedAt"));
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", fromS(pk), "sk", fromS(sk));
  }

  static String tokenKey(String hash) {
    return "token#" + hash;
  }
}
