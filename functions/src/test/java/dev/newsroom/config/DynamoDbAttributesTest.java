package dev.newsroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbAttributesTest {

  private static final Instant AT = Instant.parse("2024-05-06T07:08:09.123Z");

  @Test
  void fromN_whenLong_isTheDecimalNumber() {
    assertThat(DynamoDbAttributes.fromN(-9_007_199_254_740_993L))
        .isEqualTo(AttributeValue.fromN("-9007199254740993"));
  }

  @Test
  void putIfPresent_whenNull_leavesTheAttributeOut() {
    Map<String, AttributeValue> item = new HashMap<>();

    DynamoDbAttributes.putIfPresent(item, "name", (String) null);
    DynamoDbAttributes.putIfPresent(item, "at", (Instant) null);

    assertThat(item).isEmpty();
  }

  @Test
  void putIfPresent_whenValues_storesStringAndIsoInstant() {
    Map<String, AttributeValue> item = new HashMap<>();

    DynamoDbAttributes.putIfPresent(item, "name", "Ada");
    DynamoDbAttributes.putIfPresent(item, "at", AT);

    assertThat(item).containsExactlyInAnyOrderEntriesOf(Map.of(
        "name", AttributeValue.fromS("Ada"),
        "at", AttributeValue.fromS("2024-05-06T07:08:09.123Z")));
  }

  @Test
  void stringOrNull_whenAbsent_isNull() {
    assertThat(DynamoDbAttributes.stringOrNull(Map.of(), "name")).isNull();
    assertThat(DynamoDbAttributes.stringOrNull(Map.of("name", AttributeValue.fromS("Ada")), "name"))
        .isEqualTo("Ada");
  }

  @Test
  void instantOrNull_whenWrittenByPutIfPresent_readsTheSameInstant() {
    Map<String, AttributeValue> item = new HashMap<>();
    DynamoDbAttributes.putIfPresent(item, "at", AT);

    assertThat(DynamoDbAttributes.instantOrNull(item, "at")).isEqualTo(AT);
    assertThat(DynamoDbAttributes.instantOrNull(item, "missing")).isNull();
  }

  @Test
  void longOrZero_whenAbsent_isZero() {
    assertThat(DynamoDbAttributes.longOrZero(Map.of(), "sent")).isZero();
    assertThat(DynamoDbAttributes.longOrZero(Map.of("sent", DynamoDbAttributes.fromN(42)), "sent"))
        .isEqualTo(42);
  }
}
