package dev.newsroom.articles;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.shared.Clock;

/** Wires the real adapters for the article handlers' no-arg constructors. */
final class ArticlesWiring {

  private ArticlesWiring() {}

  static ArticleService service() {
    return new ArticleService(
        new DynamoDbArticleRepository(AwsClients.dynamoDb(), Env.require("ARTICLES_TABLE")),
        Clock.system());
  }
}
