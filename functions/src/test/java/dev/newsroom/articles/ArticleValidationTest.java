package dev.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.shared.MutableClock;
import dev.newsroom.shared.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of {@link ArticleInput}: what is accepted, and that a refusal writes nothing. */
class ArticleValidationTest {

  private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

  private final InMemoryArticleRepository repository = new InMemoryArticleRepository();
  private final ArticleService service = new ArticleService(repository, new MutableClock(NOW));

  private static ArticleInput valid() {
    return new ArticleInput("A title", "A summary", "Body *text*.", null, "Ann Editor",
        List.of("world"), new ArticleInput.HeroImage("https://cdn.example.org/a.jpg", "A harbour"),
        null);
  }

  static Stream<Arguments> invalidInputs() {
    ArticleInput v = valid();
    return Stream.of(
        Arguments.of("title", "missing", with(v, "title", null)),
        Arguments.of("title", "blank", with(v, "title", "   ")),
        Arguments.of("title", "over 200", with(v, "title", "t".repeat(201))),
        Arguments.of("title", "control character", with(v, "title", "Breaking\nnews")),
        Arguments.of("summary", "over 500", with(v, "summary", "s".repeat(501))),
        Arguments.of("summary", "control character", with(v, "summary", "a\u0000b")),
        Arguments.of("body", "missing", with(v, "body", null)),
        Arguments.of("body", "blank", with(v, "body", " \n ")),
        Arguments.of("body", "over 200000", with(v, "body", "b".repeat(200_001))),
        Arguments.of("bodyFormat", "unknown", with(v, "bodyFormat", "rtf")),
        Arguments.of("bodyFormat", "wrong case", with(v, "bodyFormat", "HTML")),
        Arguments.of("author", "missing", with(v, "author", null)),
        Arguments.of("author", "over 100", with(v, "author", "a".repeat(101))),
        Arguments.of("tags", "not slug-shaped", withTags(v, List.of("Middle East!"))),
        Arguments.of("tags", "null element", withTags(v, Collections.singletonList(null))),
        Arguments.of("tags", "over 40 characters", withTags(v, List.of("t".repeat(41)))),
        Arguments.of("tags", "more than 10", withTags(v, numberedTags(11))),
        Arguments.of("heroImage.url", "http", withHero(v, "http://cdn.example.org/a.jpg", "x")),
        Arguments.of("heroImage.url", "javascript", withHero(v, "javascript:alert(1)", "x")),
        Arguments.of("heroImage.url", "data", withHero(v, "data:image/png;base64,AAAA", "x")),
        Arguments.of("heroImage.url", "quote", withHero(v, "https://x.org/\"onerror=1", "x")),
        Arguments.of("heroImage.url", "no host", withHero(v, "https:///a.jpg", "x")),
        Arguments.of("heroImage.url", "over 2048", withHero(v,
            "https://x.org/" + "a".repeat(2040), "x")),
        Arguments.of("heroImage.alt", "missing", withHero(v, "https://x.org/a.jpg", null)),
        Arguments.of("heroImage.alt", "blank", withHero(v, "https://x.org/a.jpg", " ")),
        Arguments.of("heroImage.alt", "over 300", withHero(v, "https://x.org/a.jpg",
            "a".repeat(301))),
        Arguments.of("publishedAt", "not ISO-8601", with(v, "publishedAt", "3 Feb 2024")),
        Arguments.of("publishedAt", "date only", with(v, "publishedAt", "2024-02-03")),
        Arguments.of("publishedAt", "five-digit year", with(v, "publishedAt",
            "+10000-01-01T00:00:00Z")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("invalidInputs")
  void put_whenFieldInvalid_failsOnThatFieldAndWritesNothing(String field, String why,
      ArticleInput input) {
    assertThatThrownBy(() -> service.put("a-slug", input, "alice"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo(field));
    assertThat(repository.writes()).isZero();
    assertThat(repository.snapshot()).isEmpty();
  }

  @Test
  void put_whenSlugInvalid_failsOnSlugAndWritesNothing() {
    assertThatThrownBy(() -> service.put("Not A Slug", valid(), "alice"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("slug"));
    assertThat(repository.writes()).isZero();
  }

  @Test
  void put_whenValid_storesNormalisedDraftWithEditor() {
    // given text with padding and tags in mixed case, repeated
    ArticleInput input = new ArticleInput("  A title  ", null, "Body", "markdown", " Ann ",
        List.of("World", " world ", "politics"), null, null);

    // when
    ArticleService.Saved saved = service.put("a-slug", input, "alice");

    // then
    Article stored = repository.find("a-slug").orElseThrow();
    assertThat(saved.outcome()).isEqualTo(ArticleService.Outcome.CREATED);
    assertThat(stored.title()).isEqualTo("A title");
    assertThat(stored.summary()).isEmpty();
    assertThat(stored.author()).isEqualTo("Ann");
    assertThat(stored.tags()).containsExactly("world", "politics");
    assertThat(stored.status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(stored.publishedAt()).isNull();
    assertThat(stored.updatedAt()).isEqualTo(NOW);
    assertThat(stored.editorId()).isEqualTo("alice");
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.heroImageUrl()).isNull();
  }

  @Test
  void put_whenLimitsExactlyReached_accepts() {
    ArticleInput input = new ArticleInput("t".repeat(200), "s".repeat(500), "b".repeat(200_000),
        "html", "a".repeat(100), numberedTags(10),
        new ArticleInput.HeroImage("https://x.org/" + "a".repeat(2048 - 14), "a".repeat(300)),
        "2024-02-03T12:00:00Z");

    service.put("a-slug", input, "alice");

    Article stored = repository.find("a-slug").orElseThrow();
    assertThat(stored.tags()).hasSize(10);
    assertThat(stored.heroImageUrl()).hasSize(2048);
    assertThat(stored.publishedAt()).isEqualTo(Instant.parse("2024-02-03T12:00:00Z"));
  }

  @Test
  void put_whenHeroImageHasNoUrl_refusesRatherThanDropTheImage() {
    ArticleInput input = with(valid(), "heroImage", null);

    for (ArticleInput noUrl : List.of(withHero(input, null, "orphan alt"),
        withHero(input, null, null))) {
      assertThatThrownBy(() -> service.put("a-slug", noUrl, "alice"))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.field()).isEqualTo("heroImage.url"));
    }
    assertThat(repository.find("a-slug")).isEmpty();
  }

  @Test
  void put_whenHeroImageIsNull_storesNoHero() {
    service.put("a-slug", with(valid(), "heroImage", null), "alice");

    assertThat(repository.find("a-slug").orElseThrow().heroImageUrl()).isNull();
  }

  @Test
  void requireLimit_acceptsOneToFiftyAndDefaultsToTen() {
    assertThat(ArticleService.requireLimit(null)).isEqualTo(10);
    assertThat(ArticleService.requireLimit(1)).isEqualTo(1);
    assertThat(ArticleService.requireLimit(50)).isEqualTo(50);
    for (int bad : new int[] {0, -1, 51, Integer.MAX_VALUE}) {
      assertThatThrownBy(() -> ArticleService.requireLimit(bad))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.field()).isEqualTo("limit"));
    }
  }

  private static List<String> numberedTags(int count) {
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tags.add("tag-" + i);
    }
    return tags;
  }

  private static ArticleInput with(ArticleInput v, String field, String value) {
    return new ArticleInput(
        field.equals("title") ? value : v.title(),
        field.equals("summary") ? value : v.summary(),
        field.equals("body") ? value : v.body(),
        field.equals("bodyFormat") ? value : v.bodyFormat(),
        field.equals("author") ? value : v.author(),
        v.tags(),
        field.equals("heroImage") ? null : v.heroImage(),
        field.equals("publishedAt") ? value : v.publishedAt());
  }

  private static ArticleInput withTags(ArticleInput v, List<String> tags) {
    return new ArticleInput(v.title(), v.summary(), v.body(), v.bodyFormat(), v.author(), tags,
        v.heroImage(), v.publishedAt());
  }

  private static ArticleInput withHero(ArticleInput v, String url, String alt) {
    return new ArticleInput(v.title(), v.summary(), v.body(), v.bodyFormat(), v.author(),
        v.tags(), new ArticleInput.HeroImage(url, alt), v.publishedAt());
  }
}
