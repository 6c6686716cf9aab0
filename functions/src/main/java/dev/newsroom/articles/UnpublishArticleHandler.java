package dev.newsroom.articles;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/** {@code POST /api/admin/articles/{slug}/unpublish}: back to draft, hidden at once. */
public final class UnpublishArticleHandler extends AdminHttpHandler {

  private final ArticleService articles;

  public UnpublishArticleHandler() {
    this(ArticlesWiring.jobMovingService(), EditorsWiring.service());
  }

  UnpublishArticleHandler(ArticleService articles, EditorKeyService keys) {
    super(keys);
    this.articles = articles;
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    Article article = articles.unpublish(request.pathParameter("slug").orElse(""), editor);
    return HttpResponse.json(200, ArticleJson.forEditors(article));
  }
}
