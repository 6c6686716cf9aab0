package dev.newsroom.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Published articles, as campaigns carry them. */
public interface ArticleSource {

  /** The article if it exists and is published (a draft answers like an unknown slug). */
  Optional<CampaignArticle> published(String slug);

  /**
   * Published articles with {@code from < publishedAt <= to}, newest first, at most {@code max},
   * without their bodies.
   */
  List<CampaignArticle> publishedBetween(Instant from, Instant to, int max);
}
