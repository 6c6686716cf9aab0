package dev.newsroom.infra.articles;

import dev.newsroom.articles.ArticleRepository;
import dev.newsroom.articles.ArticleRepositoryContract;
import dev.newsroom.articles.DynamoDbArticleRepository;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.infra.local.LocalCloud;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB adapter keeps the contract its fake keeps (InMemoryArticleRepositoryTest). */
@ExtendWith(LocalCloud.class)
class DynamoDbArticleRepositoryIT extends ArticleRepositoryContract {

  @Override
  protected ArticleRepository repository() {
    return new DynamoDbArticleRepository(AwsClients.dynamoDb(), Env.require("ARTICLES_TABLE"));
  }
}
