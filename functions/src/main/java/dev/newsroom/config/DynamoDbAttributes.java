package dev.newsroom.config;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Attribute conversions shared by the hand-written item mappers (static schemas, no reflection).
 * DynamoDB has no null string, so an absent attribute stands for null: writers leave nulls out
 * and the {@code ...OrNull} readers give null back. Required attributes are read in place
 * ({@code item.get(name).s()}), so an item missing one fails loudly.
 */
public final class DynamoDbAttributes {

  private DynamoDbAttributes() {}

  /** A number attribute; {@link AttributeValue#fromN} takes the decimal text. */
  public static AttributeValue fromN(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  /** Puts {@code value} as a string attribute, or nothing when it is null. */
  public static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, AttributeValue.fromS(value));
    }
  }

  /** Puts {@code value} as an ISO-8601 string attribute, or nothing when it is null. */
  public static void putIfPresent(Map<String, AttributeValue> item, String name, Instant value) {
    if (value != null) {
      item.put(name, AttributeValue.fromS(value.toString()));
    }
  }

  /** The string attribute {@code name}; null when the item has none. */
  public static String stringOrNull(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  /** The ISO-8601 string attribute {@code name} as an instant; null when the item has none. */
  public static Instant instantOrNull(Map<String, AttributeValue> item, String name) {
    String value = stringOrNull(item, name);
    return value == null ? null : Instant.parse(value);
  }

  /** The number attribute {@code name}; 0 when the item has none (a counter not yet added to). */
  public static long longOrZero(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }
}
