package dev.newsroom.articles;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.shared.Clock;

/** Wires the real adapters for the article handlers' no-arg constructors. */
final class ArticlesWiring {

  private ArticlesWiring() {}

  /** For handlers that never move a publish job: reads, publish (which leaves the job). */
  static ArticleService service() {
    return new ArticleService(new DynamoDbArticleRepository(AwsClients.dynamoDb(),
        Env.require("ARTICLES_TABLE")), Clock.system());
  }

  /** For handlers whose write may move a scheduled article's publish job: edit, unpublish, delete. */
  static ArticleService jobMovingService() {
    return new ArticleService(jobMovingRepository(), Clock.system());
  }

  static ArticleScheduling scheduling() {
    return new ArticleScheduling(jobMovingRepository(), Clock.system());
  }

  private static ArticleRepository jobMovingRepository() {
    return new DynamoDbArticleRepository(AwsClients.dynamoDb(), Env.require("ARTICLES_TABLE"),
        Env.require("SCHEDULED_JOBS_TABLE"));
  }
}
