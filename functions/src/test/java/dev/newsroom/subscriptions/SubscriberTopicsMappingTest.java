package dev.newsroom.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How topics are stored on the profile item, and how profiles without them read. */
class SubscriberTopicsMappingTest {

  private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
  private static final String ID = SubscriptionFixture.id("ada@example.org");

  @Test
  void profileItem_whenChosenTags_storesAStringSetAndReadsItBack() {
    Subscriber s = Subscriber.pending(ID, "ada@example.org", null, "/", "signup1",
        Topics.only(List.of("science", "climate")), NOW);

    Map<String, AttributeValue> item = SubscriberItems.profileItem(s);

    assertThat(item.get("topicTags").ss()).containsExactlyInAnyOrder("climate", "science");
    assertThat(SubscriberItems.subscriber(item)).isEqualTo(s);
  }

  @Test
  void profileItem_whenAllNews_writesNoTopicsAttribute() {
    Subscriber s = Subscriber.pending(ID, "ada@example.org", null, "/", "signup1", Topics.ALL,
        NOW);

    Map<String, AttributeValue> item = SubscriberItems.profileItem(s);

    assertThat(item).doesNotContainKey("topicTags");
    assertThat(SubscriberItems.subscriber(item)).isEqualTo(s);
  }

  @Test
  void subscriber_whenStoredBeforeTopicsExisted_followsAllNews() {
    // an item exactly as the previous release wrote it: no topics attribute at all
    Map<String, AttributeValue> item = new HashMap<>(Map.of(
        "pk", AttributeValue.fromS("sub#" + ID), "sk", AttributeValue.fromS("profile"),
        "id", AttributeValue.fromS(ID), "status", AttributeValue.fromS("confirmed"),
        "version", AttributeValue.fromN("2"), "email", AttributeValue.fromS("ada@example.org"),
        "createdAt", AttributeValue.fromS(NOW.toString()),
        "updatedAt", AttributeValue.fromS(NOW.toString()),
        "confirmedAt", AttributeValue.fromS(NOW.toString())));

    Subscriber s = SubscriberItems.subscriber(item);

    assertThat(s.topics()).isEqualTo(Topics.ALL);
    assertThat(s.topics().follows(List.of("anything"))).isTrue();
  }

  @Test
  void erase_forgetsTheTopicsWithEverythingElsePersonal() {
    Subscriber s = Subscriber.pending(ID, "ada@example.org", null, "/", "signup1",
        Topics.only(List.of("science")), NOW).confirm(NOW);

    assertThat(s.erase(NOW).topics()).isEqualTo(Topics.ALL);
    assertThat(SubscriberItems.profileItem(s.erase(NOW)))
        .doesNotContainKey("topicTags");
  }
}
