package dev.newsroom.articles;

/** The fake keeps the contract the DynamoDB adapter keeps (DynamoDbArticleRepositoryIT). */
class InMemoryArticleRepositoryTest extends ArticleRepositoryContract {

  @Override
  protected ArticleRepository repository() {
    return new InMemoryArticleRepository();
  }
}
