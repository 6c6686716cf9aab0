package dev.newsroom.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.shared.ValidationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void follows_whenAllNews_followsEveryArticleEvenUntagged() {
    assertThat(Topics.ALL.follows(List.of("science"))).isTrue();
    assertThat(Topics.ALL.follows(List.of())).isTrue();
  }

  @Test
  void follows_whenChosenTags_followsOnlyArticlesSharingOne() {
    Topics topics = Topics.only(List.of("science", "climate"));

    assertThat(topics.follows(List.of("politics", "climate"))).isTrue();
    assertThat(topics.follows(List.of("politics"))).isFalse();
    assertThat(topics.follows(List.of())).isFalse();
  }

  @Test
  void only_whenTyped_trimsLowerCasesSplitsCommasAndDropsDuplicates() {
    Topics topics = Topics.only(List.of(" Science ", "climate, SCIENCE", ""));

    assertThat(topics.all()).isFalse();
    assertThat(topics.tags()).containsExactly("climate", "science");
  }

  @Test
  void only_whenATagIsBadlyShaped_failsOnTheTagsField() {
    for (String bad : List.of("a b", "x_y", "-lead", "a--b", "<script>", "é", "a".repeat(41))) {
      assertThatThrownBy(() -> Topics.only(List.of("science", bad)))
          .as(bad).isInstanceOf(ValidationException.class)
          .hasFieldOrPropertyWithValue("field", "tags");
    }
  }

  @Test
  void only_whenNoTagsOrTooMany_fails() {
    assertThatThrownBy(() -> Topics.only(List.of()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at least one");
    assertThatThrownBy(() -> Topics.only(List.of(" ", "")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at least one");
    List<String> many = java.util.stream.IntStream.rangeClosed(1, Topics.MAX_TAGS + 1)
        .mapToObj(i -> "tag-" + i).toList();
    assertThatThrownBy(() -> Topics.only(many))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at most 20");
    assertThat(Topics.only(many.subList(0, Topics.MAX_TAGS)).tags()).hasSize(Topics.MAX_TAGS);
  }

  @Test
  void choose_whenNoChoice_decidesFromTheTagsSent() {
    assertThat(Topics.choose("", List.of())).isEqualTo(Topics.ALL);
    assertThat(Topics.choose("", List.of("science")).tags()).containsExactly("science");
  }

  @Test
  void choose_whenAll_ignoresTickedTagsButStillChecksThem() {
    assertThat(Topics.choose("all", List.of("science"))).isEqualTo(Topics.ALL);
    assertThatThrownBy(() -> Topics.choose("all", List.of("not a tag")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void choose_whenTagsChosenButNoneGiven_orAnUnknownChoice_fails() {
    assertThatThrownBy(() -> Topics.choose("tags", List.of()))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", "tags");
    assertThatThrownBy(() -> Topics.choose("some", List.of("science")))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", "topics");
  }

  @Test
  void constructor_whenAllWithTagsOrNeitherOrBadTag_refuses() {
    assertThatThrownBy(() -> new Topics(true, Set.of("science")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Topics(false, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Topics(false, Set.of("Not A Tag")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tags_areSortedAndUnmodifiable() {
    Topics topics = new Topics(false, Set.of("b", "a", "c"));

    assertThat(topics.tags()).containsExactly("a", "b", "c");
    assertThatThrownBy(() -> topics.tags().add("d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
