package dev.newsroom.campaigns;

import dev.newsroom.articles.Article;
import dev.newsroom.articles.ArticleRepository;
import dev.newsroom.articles.ArticleSummary;
import dev.newsroom.articles.Slugs;
import dev.newsroom.shared.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The articles feature's store, as campaigns read it. */
public final class RepositoryArticleSource implements ArticleSource {

  private final ArticleRepository articles;

  public RepositoryArticleSource(ArticleRepository articles) {
    this.articles = articles;
  }

  @Override
  /** A value that cannot be a slug (a 20,000-character one, say) is not looked up. */
  public Optional<CampaignArticle> published(String slug) {
    return Optional.ofNullable(slug).filter(Slugs::isSlug).flatMap(articles::find)
        .filter(Article::isPublished).map(a -> new CampaignArticle(
        a.slug(), a.title(), a.summary(), a.heroImageUrl(), a.heroImageAlt(), a.bodyHtml(),
        a.tags(), a.publishedAt()));
  }

  /** Walks the newest-first listing down to {@code from}. */
  @Override
  public List<CampaignArticle> publishedBetween(Instant from, Instant to, int max) {
    List<CampaignArticle> found = new ArrayList<>();
    String after = null;
    do {
      Page<ArticleSummary> page = articles.listPublished(null, 50, after);
      for (ArticleSummary a : page.items()) {
        if (!a.publishedAt().isAfter(from)) {
          return found;
        }
        if (!a.publishedAt().isAfter(to)) {
          found.add(new CampaignArticle(a.slug(), a.title(), a.summary(), a.heroImageUrl(),
              a.heroImageAlt(), null, a.tags(), a.publishedAt()));
          if (found.size() == max) {
            return found;
          }
        }
      }
      after = page.nextCursor();
    } while (after != null);
    return found;
  }
}
