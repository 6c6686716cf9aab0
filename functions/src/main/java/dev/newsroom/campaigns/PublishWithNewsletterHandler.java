package dev.newsroom.campaigns;

import dev.newsroom.articles.PublishArticleHandler;

/**
 * The publish route's function: {@link PublishArticleHandler} with the campaigns feature wired
 * in, so that {@code {"newsletter": true}} starts the article's campaign. It lives here because
 * campaigns depend on articles, never the other way.
 */
public final class PublishWithNewsletterHandler extends PublishArticleHandler {

  public PublishWithNewsletterHandler() {
    super(CampaignsWiring.newsletter());
  }
}
