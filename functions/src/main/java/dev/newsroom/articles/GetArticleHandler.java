package dev.newsroom.articles;

import dev.newsroom.web.HttpCaching;
import dev.newsroom.web.HttpHandler;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/** {@code GET /api/articles/{slug}}: one published article. */
public final class GetArticleHandler extends HttpHandler {

  static final String CACHE = "public, max-age=60, stale-while-revalidate=300";

  private final ArticleService articles;

  public GetArticleHandler() {
    this(ArticlesWiring.service());
  }

  GetArticleHandler(ArticleService articles) {
    this.articles = articles;
  }

  /** SnapStart: this handler's own path too, on the canned sample article. */
  @Override
  protected void prime() {
    super.prime();
    ArticlePriming.run(GetArticleHandler::new, ArticlePriming.get());
  }

  @Override
  protected HttpResponse handle(HttpRequest request) {
    Article article = articles.getPublished(request.pathParameter("slug").orElse(""));
    return HttpCaching.conditional(request, HttpResponse.json(200, ArticleJson.article(article)),
        CACHE);
  }
}
