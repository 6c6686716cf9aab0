package dev.newsroom.articles;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.shared.Clock;

/** Wires the real adapters for the article handlers' no-arg constructors. */
final class Articles {

  private Articles() {}

  static ArticleService service() {
    return new ArticleService(repository(), Clock.system());
  }

  static ArticleScheduling scheduling() {
    return new ArticleScheduling(repository(), Clock.system());
  }

  /** Functions that may write a scheduled article also get the due-jobs table. */
  private static ArticleRepository repository() {
    return new DynamoDbArticleRepository(AwsClients.dynamoDb(), Env.require("ARTICLES_TABLE"),
        Env.optional("SCHEDULED_JOBS_TABLE").orElse(null));
  }
}
