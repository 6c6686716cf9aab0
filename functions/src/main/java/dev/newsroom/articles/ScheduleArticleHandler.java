package dev.newsroom.articles;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import dev.newsroom.web.JsonBody;

/** {@code POST /api/admin/articles/{slug}/schedule}: schedule or reschedule; repeats are no-ops. */
public final class ScheduleArticleHandler extends AdminHttpHandler {

  private final ArticleScheduling scheduling;

  public ScheduleArticleHandler() {
    this(ArticlesWiring.scheduling(), EditorsWiring.service());
  }

  ScheduleArticleHandler(ArticleScheduling scheduling, EditorKeyService keys) {
    super(keys);
    this.scheduling = scheduling;
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    ScheduleRequest body = JsonBody.read(request, ScheduleRequest.class);
    Article article = scheduling.schedule(request.pathParameter("slug").orElse(""), body, editor);
    return HttpResponse.json(200, ArticleJson.forEditors(article));
  }
}
