package dev.newsroom.articles;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import dev.newsroom.web.QueryParams;

/** {@code GET /api/admin/articles?status=draft|published}: what editors work on. */
public final class ListEditorArticlesHandler extends AdminHttpHandler {

  private final ArticleService articles;

  public ListEditorArticlesHandler() {
    this(ArticlesWiring.service(), EditorsWiring.service());
  }

  ListEditorArticlesHandler(ArticleService articles, EditorKeyService keys) {
    super(keys);
    this.articles = articles;
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    ArticleStatus status = QueryParams.oneOf(request, "status", ArticleStatus.DRAFT,
        ArticleStatus::wire);
    var page = articles.listForEditors(status, QueryParams.optionalInt(request, "limit"),
        request.query("cursor").orElse(null));
    return HttpResponse.json(200, ArticleJson.page(page, true));
  }
}
