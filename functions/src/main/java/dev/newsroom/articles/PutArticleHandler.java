package dev.newsroom.articles;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import dev.newsroom.web.JsonBody;

/** {@code PUT /api/admin/articles/{slug}}: create (201) or replace (200), idempotently. */
public final class PutArticleHandler extends AdminHttpHandler {

  private final ArticleService articles;

  public PutArticleHandler() {
    this(ArticlesWiring.jobMovingService(), EditorsWiring.service());
  }

  PutArticleHandler(ArticleService articles, EditorKeyService keys) {
    super(keys);
    this.articles = articles;
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    String slug = request.pathParameter("slug").orElse("");
    ArticleInput input = JsonBody.read(request, ArticleInput.class);
    ArticleService.Saved saved = articles.put(slug, input, editor);
    int status = saved.outcome() == ArticleService.Outcome.CREATED ? 201 : 200;
    return HttpResponse.json(status, ArticleJson.forEditors(saved.article()));
  }
}
