package dev.newsroom.articles;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/** {@code POST /api/admin/articles/{slug}/publish}; publishing twice is a no-op. */
public final class PublishArticleHandler extends AdminHttpHandler {

  private final ArticleService articles;

  public PublishArticleHandler() {
    this(ArticlesWiring.service(), EditorsWiring.service());
  }

  PublishArticleHandler(ArticleService articles, EditorKeyService keys) {
    super(keys);
    this.articles = articles;
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    Article article = articles.publish(request.pathParameter("slug").orElse(""), editor);
    return HttpResponse.json(200, ArticleJson.forEditors(article));
  }
}
