package dev.newsroom.articles;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/** {@code DELETE /api/admin/articles/{slug}}: 204, or 404 when there is nothing to delete. */
public final class DeleteArticleHandler extends AdminHttpHandler {

  private final ArticleService articles;

  public DeleteArticleHandler() {
    this(ArticlesWiring.jobMovingService(), EditorsWiring.service());
  }

  DeleteArticleHandler(ArticleService articles, EditorKeyService keys) {
    super(keys);
    this.articles = articles;
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    articles.delete(request.pathParameter("slug").orElse(""));
    return HttpResponse.noContent();
  }
}
