package dev.newsroom.site;

import dev.newsroom.articles.DynamoDbArticleRepository;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.pages.SiteConfig;

/** Wires the real adapters for the site handlers' no-arg constructors. */
final class SiteWiring {

  private SiteWiring() {}

  static SitePublisher publisher() {
    return new SitePublisher(
        new DynamoDbArticleRepository(AwsClients.dynamoDb(), Env.require("ARTICLES_TABLE")),
        new S3PageStore(AwsClients.s3(), Env.require("SITE_BUCKET")),
        new SiteRenderer(SiteConfig.fromEnv()));
  }
}
