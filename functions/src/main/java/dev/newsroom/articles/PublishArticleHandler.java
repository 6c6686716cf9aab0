package dev.newsroom.articles;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.shared.ValidationException;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import dev.newsroom.web.JsonBody;

/**
 * {@code POST /api/admin/articles/{slug}/publish}; publishing twice is a no-op. With the body
 * {@code {"newsletter": true}} the article's newsletter campaign starts too, once per article
 * however often the request is repeated: a request that failed after publishing is completed by
 * sending it again.
 */
public class PublishArticleHandler extends AdminHttpHandler {

  /** Without the campaigns feature wired in: a newsletter cannot be asked for. */
  private static final NewsletterTrigger NO_NEWSLETTER = (slug, version) -> {
    throw new ValidationException("newsletter", "Newsletters are not available here.");
  };

  private final ArticleService articles;
  private final NewsletterTrigger newsletter;

  public PublishArticleHandler() {
    this(NO_NEWSLETTER);
  }

  /** For the function that also starts newsletters (wired by the campaigns feature). */
  protected PublishArticleHandler(NewsletterTrigger newsletter) {
    this(ArticlesWiring.service(), EditorsWiring.service(), newsletter);
  }

  PublishArticleHandler(ArticleService articles, EditorKeyService keys,
      NewsletterTrigger newsletter) {
    super(keys);
    this.articles = articles;
    this.newsletter = newsletter;
  }

  PublishArticleHandler(ArticleService articles, EditorKeyService keys) {
    this(articles, keys, NO_NEWSLETTER);
  }

  /** @param newsletter start the article's newsletter campaign (default false) */
  record PublishRequest(Boolean newsletter) {}

  @Override
  protected final HttpResponse handle(HttpRequest request, String editor) {
    boolean withNewsletter = request.body().length > 0
        && Boolean.TRUE.equals(JsonBody.read(request, PublishRequest.class).newsletter());
    Article article = articles.publish(request.pathParameter("slug").orElse(""), editor);
    if (withNewsletter) {
      newsletter.articlePublished(article.slug(), article.version());
    }
    return HttpResponse.json(200, ArticleJson.forEditors(article));
  }
}
