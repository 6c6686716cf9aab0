package dev.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleCursorTest {

  @Test
  void decode_whenEncodedListingKey_returnsTheSameKey() {
    String key = ListingKeys.of(Instant.parse("2024-02-03T12:00:00.25Z"), "seed-article");

    String cursor = ArticleCursor.encode(key);

    assertThat(ArticleCursor.decode(cursor)).isEqualTo(key);
  }

  @Test
  void encode_isOpaqueAndUrlSafe() {
    String cursor = ArticleCursor.encode(ListingKeys.of(Instant.EPOCH, "a-slug"));

    assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("a-slug");
  }

  @Test
  void decode_whenNull_returnsNullForTheFirstPage() {
    assertThat(ArticleCursor.decode(null)).isNull();
  }

  @Test
  void decode_whenTimeNotInFixedWidth_returnsCanonicalKey() {
    // given a hand-made cursor whose time is written the short way
    String cursor = b64("v1:2024-02-03T12:00:00Z#a-slug");

    // then it is read as the key the index holds, so it compares by time
    assertThat(ArticleCursor.decode(cursor)).isEqualTo("2024-02-03T12:00:00.000000000Z#a-slug");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "not base64!", "%%%", "djE6",
      "v2:2024-02-03T12:00:00Z#a-slug", "2024-02-03T12:00:00Z#a-slug",
      "v1:2024-02-03T12:00:00Z", "v1:#a-slug", "v1:yesterday#a-slug",
      "v1:2024-02-03T12:00:00Z#Bad Slug", "v1:2024-02-03T12:00:00Z#a-slug' OR '1'='1",
      "v1:2024-02-03T12:00:00Z#", "v1:+10000-01-01T00:00:00Z#a-slug"})
  void decode_whenForgedOrDamaged_failsOnCursorField(String raw) {
    String cursor = raw.startsWith("v") || raw.startsWith("2") ? b64(raw) : raw;

    assertThatThrownBy(() -> ArticleCursor.decode(cursor))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("cursor");
          assertThat(e.getMessage()).isEqualTo("The cursor is not valid.");
        });
  }

  @Test
  void decode_whenTooLong_failsWithoutDecoding() {
    String cursor = b64("v1:2024-02-03T12:00:00Z#" + "a".repeat(120)) + "A".repeat(300);

    assertThatThrownBy(() -> ArticleCursor.decode(cursor)).isInstanceOf(ValidationException.class);
  }

  @Test
  void decode_whenBytesAreNotUtf8_fails() {
    String cursor = Base64.getUrlEncoder().encodeToString(new byte[] {'v', '1', ':', (byte) 0xC3});

    assertThatThrownBy(() -> ArticleCursor.decode(cursor)).isInstanceOf(ValidationException.class);
  }

  @Test
  void listingKeys_sortAsStringsInTimeOrder_evenWithinOneSecond() {
    // given instants whose ISO forms have no, short and long fractions
    Instant whole = Instant.parse("2024-02-03T12:00:00Z");
    Instant half = Instant.parse("2024-02-03T12:00:00.5Z");
    Instant later = Instant.parse("2024-02-03T12:00:00.500001Z");

    // then string order of their keys is time order (plain toString gets this wrong)
    assertThat(ListingKeys.of(whole, "z")).isLessThan(ListingKeys.of(half, "a"));
    assertThat(ListingKeys.of(half, "z")).isLessThan(ListingKeys.of(later, "a"));
    assertThat(whole + "#z").isGreaterThan(half + "#a");
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
