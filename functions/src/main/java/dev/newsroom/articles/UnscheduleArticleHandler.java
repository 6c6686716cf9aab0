package dev.newsroom.articles;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/** {@code DELETE /api/admin/articles/{slug}/schedule}: back to draft; repeats are no-ops. */
public final class UnscheduleArticleHandler extends AdminHttpHandler {

  private final ArticleScheduling scheduling;

  public UnscheduleArticleHandler() {
    this(ArticlesWiring.scheduling(), EditorsWiring.service());
  }

  UnscheduleArticleHandler(ArticleScheduling scheduling, EditorKeyService keys) {
    super(keys);
    this.scheduling = scheduling;
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    Article article = scheduling.unschedule(request.pathParameter("slug").orElse(""), editor);
    return HttpResponse.json(200, ArticleJson.forEditors(article));
  }
}
