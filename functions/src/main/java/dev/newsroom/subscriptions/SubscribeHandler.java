package dev.newsroom.subscriptions;

import dev.newsroom.pages.SitePaths;
import dev.newsroom.web.ClientAddress;
import dev.newsroom.web.FormFields;
import dev.newsroom.web.HttpHandler;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import java.util.Set;

/**
 * {@code POST /api/subscriptions}, from the newsletter box's script (JSON: 202) or from the plain
 * form (urlencoded: 303 to the thank-you page). The answer is the same for every address.
 * Optional topics: {@code tags} (a JSON array, or repeated form fields) to follow only those
 * tags, or {@code topics=all}; none means all news.
 */
public final class SubscribeHandler extends HttpHandler {

  static final Set<String> FIELDS = Set.of("email", "name", "page", "website", "topics");
  /** The tags to follow: ticked boxes (repeated) or a JSON array; none means all news. */
  static final Set<String> LISTS = Set.of("tags");

  private final SubscriptionService subscriptions;
  private final SiteContext site;
  private final ClientAddress clients;

  public SubscribeHandler() {
    this(SubscriptionsWiring.signups(), SubscriptionsWiring.site(), ClientAddress.fromEnv());
  }

  SubscribeHandler(SubscriptionService subscriptions, SiteContext site, ClientAddress clients) {
    this.subscriptions = subscriptions;
    this.site = site;
    this.clients = clients;
  }

  @Override
  protected HttpResponse handle(HttpRequest request) {
    FormFields fields = FormFields.read(request, FIELDS, LISTS);
    subscriptions.subscribe(new SignupRequest(fields.get("email"), fields.get("name"),
        fields.get("page"), fields.get("website"), request.header("referer").orElse(null),
        new Visitor(clients.of(request), request.userAgent()), site.url(request.domainName()),
        fields.get("topics"), fields.list("tags")));
    if (fields.form()) {
      return HttpResponse.seeOther(SitePaths.SUBSCRIBE_THANKS);
    }
    return LinkRequests.json(202, "received");
  }
}
