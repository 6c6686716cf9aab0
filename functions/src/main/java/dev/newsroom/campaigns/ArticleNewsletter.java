package dev.newsroom.campaigns;

import dev.newsroom.articles.NewsletterTrigger;
import dev.newsroom.shared.Log;
import java.util.Map;

/**
 * Starts the campaign of an article published with "newsletter" (now or by its schedule): one
 * campaign per article and first publication, keyed by both, so a repeated request, a republish
 * or a retried job starts nothing new.
 */
public final class ArticleNewsletter implements NewsletterTrigger {

  private final ArticleSource articles;
  private final CampaignService campaigns;

  public ArticleNewsletter(ArticleSource articles, CampaignService campaigns) {
    this.articles = articles;
    this.campaigns = campaigns;
  }

  @Override
  public void articlePublished(String slug, long publishedVersion) {
    articles.published(slug).ifPresentOrElse(
        article -> campaigns.startForPublishedArticle(slug, article.publishedAt()),
        () -> Log.info("campaign.article-not-published", Map.of("slug", slug)));
  }
}
