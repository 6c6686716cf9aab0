package dev.newsroom.campaigns;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What a campaign sends: one article, or a digest of several. Fixed once the campaign exists. */
public record CampaignContent(String subject, String preheader, List<CampaignArticle> articles) {

  public CampaignContent {
    articles = List.copyOf(articles);
  }

  /** Every tag of every article: a subscriber who follows one of them is in an "all" audience. */
  public Set<String> tags() {
    Set<String> tags = new TreeSet<>();
    articles.forEach(a -> tags.addAll(a.tags()));
    return tags;
  }
}
