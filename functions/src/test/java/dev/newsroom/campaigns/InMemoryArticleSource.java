package dev.newsroom.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Published articles in memory; drafts are simply absent. */
final class InMemoryArticleSource implements ArticleSource {

  private final List<CampaignArticle> articles = new ArrayList<>();

  CampaignArticle publish(String slug, Instant at, String... tags) {
    CampaignArticle article = new CampaignArticle(slug, "Title of " + slug, "Summary of " + slug,
        "https://img.example/" + slug + ".jpg", "alt", "<p>Body of " + slug + "</p>",
        List.of(tags), at);
    articles.add(article);
    return article;
  }

  @Override
  public Optional<CampaignArticle> published(String slug) {
    return articles.stream().filter(a -> a.slug().equals(slug)).findFirst();
  }

  @Override
  public List<CampaignArticle> publishedBetween(Instant from, Instant to, int max) {
    return articles.stream()
        .filter(a -> a.publishedAt().isAfter(from) && !a.publishedAt().isAfter(to))
        .sorted(Comparator.comparing(CampaignArticle::publishedAt).reversed())
        .limit(max).map(CampaignArticle::withoutBody).toList();
  }
}
