package dev.newsroom.subscriptions;

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
    item.put("id", s(v.id()));
    item.put("status", s(v.status().wire()));
    item.put("version", n(v.version()));
    item.put("createdAt", s(v.createdAt().toString()));
    item.put("updatedAt", s(v.updatedAt().toString()));
    put(item, "email", v.email());
    put(item, "name", v.name());
    put(item, "signupId", v.signupId());
    put(item, "page", v.page());
    put(item, "confirmedAt", v.confirmedAt());
    put(item, "unsubscribedAt", v.unsubscribedAt());
    put(item, "suppressedAt", v.suppressedAt());
    put(item, "suppressionReason", v.suppressionReason());
    put(item, "erasedAt", v.erasedAt());
    put(item, "lastConfirmationAt", v.lastConfirmationAt());
    put(item, "lastDataRequestAt", v.lastDataRequestAt());
    put(item, "lastFeedbackId", v.lastFeedbackId());
    if (!v.topics().all()) {
      item.put("topicTags", AttributeValue.fromSs(List.copyOf(v.topics().tags())));
    }
    return item;
  }

  static Subscriber subscriber(Map<String, AttributeValue> item) {
    return new Subscriber(item.get("id").s(), text(item, "email"), text(item, "name"),
        SubscriberStatus.fromWire(item.get("status").s()), text(item, "signupId"),
        text(item, "page"), time(item, "createdAt"), time(item, "updatedAt"),
        time(item, "confirmedAt"), time(item, "unsubscribedAt"), time(item, "suppressedAt"),
        text(item, "suppressionReason"), time(item, "erasedAt"),
        time(item, "lastConfirmationAt"), time(item, "lastDataRequestAt"),
        text(item, "lastFeedbackId"), topics(item), Long.parseLong(item.get("version").n()));
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
    item.put("type", s(e.type().wire()));
    item.put("at", s(e.at().toString()));
    put(item, "ip", e.ip());
    put(item, "userAgent", e.userAgent());
    put(item, "page", e.page());
    put(item, "consentVersion", e.consentVersion());
    put(item, "detail", e.detail());
    return item;
  }

  static ConsentEvent event(Map<String, AttributeValue> item) {
    return new ConsentEvent(ConsentEvent.Type.fromWire(item.get("type").s()),
        Instant.parse(item.get("at").s()), text(item, "ip"), text(item, "userAgent"),
        text(item, "page"), text(item, "consentVersion"), text(item, "detail"));
  }

  static Map<String, AttributeValue> tokenItem(ConfirmationToken t) {
    Map<String, AttributeValue> item = new HashMap<>(key(tokenKey(t.hash()), TOKEN));
    item.put("subscriberId", s(t.subscriberId()));
    item.put("signupId", s(t.signupId()));
    item.put("consentVersion", s(t.consentVersion()));
    item.put("createdAt", s(t.createdAt().toString()));
    item.put("expiresAt", n(t.expiresAt().getEpochSecond()));
    put(item, "page", t.page());
    put(item, "usedAt", t.usedAt());
    return item;
  }

  static ConfirmationToken token(Map<String, AttributeValue> item) {
    return new ConfirmationToken(item.get("pk").s().substring(tokenKey("").length()),
        item.get("subscriberId").s(), item.get("signupId").s(), text(item, "page"),
        item.get("consentVersion").s(), Instant.parse(item.get("createdAt").s()),
        Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())), time(item, "usedAt"));
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", s(pk), "sk", s(sk));
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

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static Instant time(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : Instant.parse(value.s());
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static String tokenKey(String hash) {
    return "token#" + hash;
  }
}
