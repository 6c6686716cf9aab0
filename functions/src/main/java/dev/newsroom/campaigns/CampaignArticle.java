package dev.newsroom.campaigns;

import java.time.Instant;
import java.util.List;

/**
 * An article as a campaign carries it, copied when the campaign is created so that every
 * recipient gets the same email even if the article is edited during the send.
 *
 * @param bodyHtml the sanitised body for a single-article campaign, null in a digest
 */
public record CampaignArticle(String slug, String title, String summary, String heroImageUrl,
    String heroImageAlt, String bodyHtml, List<String> tags, Instant publishedAt) {

  public CampaignArticle {
    tags = List.copyOf(tags);
  }

  CampaignArticle withoutBody() {
    return new CampaignArticle(slug, title, summary, heroImageUrl, heroImageAlt, null, tags,
        publishedAt);
  }
}
