package dev.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.shared.MutableClock;
import dev.newsroom.shared.ValidationException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The article validators under generated input: a PUT either stores a clean article or refuses
 * with a field-level validation error, and a refusal stores nothing.
 */
class ArticleInputPropertyTest {

  @Property(tries = 2000)
  void put_whateverTheInput_storesACleanArticleOrRefusesAndStoresNothing(
      @ForAll("slugs") String slug, @ForAll("inputs") ArticleInput input) {
    InMemoryArticleRepository repository = new InMemoryArticleRepository();
    ArticleService service = new ArticleService(repository,
        new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));

    try {
      ArticleService.Saved saved = service.put(slug, input, "editor");
      Article a = saved.article();
      assertThat(Slugs.isSlug(a.slug())).isTrue();
      assertThat(a.title()).isNotBlank().hasSizeLessThanOrEqualTo(ArticleService.MAX_TITLE)
          .doesNotContainPattern("\\p{Cntrl}");
      assertThat(a.author()).isNotBlank().doesNotContainPattern("\\p{Cntrl}");
      assertThat(a.tags()).allSatisfy(t -> assertThat(Slugs.isSlug(t)).isTrue())
          .hasSizeLessThanOrEqualTo(ArticleService.MAX_TAGS);
      // "javascript:" may survive as escaped text (Markdown syntax in an HTML body); never in a tag.
      assertThat(a.bodyHtml().toLowerCase()).doesNotContain("<script")
          .doesNotContainPattern("<[^>]*javascript:")
          .doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=");
      if (a.heroImageUrl() != null) {
        assertThat(a.heroImageUrl()).startsWith("https://").doesNotContain("\"", "<", " ");
      }
      assertThat(repository.snapshot()).containsKey(slug);
    } catch (ValidationException refused) {
      assertThat(refused.field()).isNotBlank();
      assertThat(repository.snapshot()).isEmpty();
      assertThat(repository.writes()).isZero();
    }
  }

  @Property(tries = 1000)
  void cursor_whateverTheText_decodesToAListingKeyOrRefuses(@ForAll("cursors") String cursor) {
    try {
      String key = ArticleCursor.decode(cursor);
      assertThat(Slugs.isSlug(key.substring(key.indexOf('#') + 1))).isTrue();
    } catch (ValidationException refused) {
      assertThat(refused.field()).isEqualTo("cursor");
    }
  }

  @Property(tries = 1000)
  void slug_whateverTheText_isSafeInUrlsAndKeysOrRefused(@ForAll("slugs") String slug) {
    try {
      Slugs.requireSlug(slug);
      assertThat(slug).matches("[a-z0-9-]{1,120}").doesNotContain("..").doesNotContain("/");
    } catch (ValidationException refused) {
      assertThat(refused.field()).isEqualTo("slug");
    }
  }

  @Provide
  Arbitrary<String> slugs() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-')
            .ofMinLength(1).ofMaxLength(130),
        Arbitraries.of("..", "../x", "a/b", "%2e%2e", "A", "a--b", "-a", "a-", "", " a"),
        Arbitraries.strings().all().ofMaxLength(20));
  }

  @Provide
  Arbitrary<String> cursors() {
    Arbitrary<String> validish = Combinators.combine(
        Arbitraries.of("2026-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "yesterday", ""),
        Arbitraries.of("a-slug", "../x", "", "A")).as((time, slug) -> java.util.Base64
            .getUrlEncoder().withoutPadding().encodeToString(("v1:" + time + "#" + slug)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return Arbitraries.oneOf(validish, Arbitraries.strings().all().ofMaxLength(60),
        Arbitraries.strings().withCharRange('A', 'z').numeric().withChars('-', '_', '=', '+', '/')
            .ofMaxLength(500));
  }

  @Provide
  Arbitrary<ArticleInput> inputs() {
    Arbitrary<String> text = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.strings().alpha().withChars(' ').ofMinLength(1)
            .ofMaxLength(40)),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "a\r\nb", "\u0000",
            "   ", "<a href=\"javascript:alert(1)\">x</a>", "<svg onload=alert(1)>")),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMinLength(150).ofMaxLength(700)));
    Arbitrary<List<String>> tags = Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).list()
            .ofMaxSize(12),
        text.list().ofMaxSize(3));
    Arbitrary<ArticleInput.HeroImage> hero = Combinators.combine(
        Arbitraries.of("https://example.org/a.png", "http://example.org/a.png",
            "https://x/\"onerror=alert(1)", "javascript:alert(1)", "https://", "https://a b"),
        text.injectNull(0.2)).as(ArticleInput.HeroImage::new).injectNull(0.5);
    return Combinators.combine(text.injectNull(0.1), text.injectNull(0.4), text.injectNull(0.1),
        Arbitraries.of("markdown", "html", "rtf").injectNull(0.4), text.injectNull(0.1),
        tags.injectNull(0.3), hero,
        Arbitraries.of("2026-01-01T00:00:00Z", "2026-01-01", "now").injectNull(0.7))
        .as(ArticleInput::new);
  }
}
