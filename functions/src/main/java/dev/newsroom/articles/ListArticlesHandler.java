package dev.newsroom.articles;

import dev.newsroom.web.HttpCaching;
import dev.newsroom.web.HttpHandler;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import dev.newsroom.web.QueryParams;

/** {@code GET /api/articles?limit&cursor&tag}: published articles, newest first. */
public final class ListArticlesHandler extends HttpHandler {

  static final String CACHE = "public, max-age=30, stale-while-revalidate=120";

  private final ArticleService articles;

  public ListArticlesHandler() {
    this(ArticlesWiring.service());
  }

  ListArticlesHandler(ArticleService articles) {
    this.articles = articles;
  }

  /** SnapStart: this handler's own path too, on the canned sample article. */
  @Override
  protected void prime() {
    super.prime();
    ArticlePriming.run(ListArticlesHandler::new, ArticlePriming.list());
  }

  @Override
  protected HttpResponse handle(HttpRequest request) {
    var page = articles.listPublished(request.query("tag").orElse(null),
        QueryParams.optionalInt(request, "limit"), request.query("cursor").orElse(null));
    return HttpCaching.conditional(request, HttpResponse.json(200, ArticleJson.page(page, false)),
        CACHE);
  }
}
