package dev.newsroom.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.articles.Article;
import dev.newsroom.articles.InMemoryArticleRepository;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepositoryArticleSourceTest {

  /** DynamoDB refuses a key over 2,048 bytes with an error (a 500): such a value is no slug. */
  @Test
  void published_whenValueCannotBeASlug_isEmptyWithoutALookup() {
    RepositoryArticleSource source = new RepositoryArticleSource(new InMemoryArticleRepository() {
      @Override
      public synchronized Optional<Article> find(String slug) {
        throw new AssertionError("looked up " + slug.length() + " characters");
      }
    });

    assertThat(source.published("a".repeat(20_000))).isEmpty();
    assertThat(source.published("Not A Slug")).isEmpty();
    assertThat(source.published(null)).isEmpty();
  }
}
