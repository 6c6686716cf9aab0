package dev.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.shared.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "hello-world", "2024-recap", "a1-b2-c3"})
  void requireSlug_whenLowercaseWordsJoinedByHyphens_returnsIt(String slug) {
    assertThat(Slugs.requireSlug(slug)).isEqualTo(slug);
    assertThat(Slugs.isSlug(slug)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"Hello", "hello world", "-hello", "hello-", "hello--world", "hello_world",
      "hello/world", "../etc", "hello.html", "caf\u00e9", "hello%20world", "\u0430bc"})
  void requireSlug_whenNotUrlSafe_failsOnSlugField(String slug) {
    assertThatThrownBy(() -> Slugs.requireSlug(slug))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("slug"));
    assertThat(Slugs.isSlug(slug)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 119, 120})
  void requireSlug_whenAtMost120Characters_accepts(int length) {
    assertThat(Slugs.isSlug("a".repeat(length))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {121, 500})
  void requireSlug_whenLongerThan120Characters_fails(int length) {
    assertThatThrownBy(() -> Slugs.requireSlug("a".repeat(length)))
        .isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"world", "middle-east", "a", "x1"})
  void requireTag_whenSlugShapedAndShort_returnsIt(String tag) {
    assertThat(Slugs.requireTag(tag)).isEqualTo(tag);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"World", "middle east", "tag#1", "a--b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void requireTag_whenInvalidOrOver40Characters_failsOnTagsField(String tag) {
    assertThatThrownBy(() -> Slugs.requireTag(tag))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("tags"));
  }
}
