package dev.newsroom.subscriptions;

import dev.newsroom.web.ClientAddress;
import dev.newsroom.web.FormFields;
import dev.newsroom.web.HttpHandler;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import java.util.Set;

/**
 * {@code /api/subscriptions/data-requests}: GET shows a form asking for the address; POST (form
 * or JSON) emails that address links to download or erase its data. The answer is the same for
 * every address, known or not.
 */
public final class RequestSubscriberDataHandler extends HttpHandler {

  static final Set<String> FIELDS = Set.of("email", "website");

  private final SubscriberDataService data;
  private final SiteContext site;
  private final ClientAddress clients;

  public RequestSubscriberDataHandler() {
    this(SubscriptionsWiring.dataRequests(), SubscriptionsWiring.site(), ClientAddress.fromEnv());
  }

  RequestSubscriberDataHandler(SubscriberDataService data, SiteContext site,
      ClientAddress clients) {
    this.data = data;
    this.site = site;
    this.clients = clients;
  }

  @Override
  protected HttpResponse handle(HttpRequest request) {
    if (!"POST".equals(request.method())) {
      return site.pages(request.domainName()).dataRequest(request.query("sent").isPresent());
    }
    FormFields fields = FormFields.read(request, FIELDS);
    data.request(fields.get("email"), fields.get("website"),
        new Visitor(clients.of(request), request.userAgent()), site.url(request.domainName()));
    if (fields.form()) {
      return HttpResponse.seeOther(SubscriptionLinks.DATA_REQUESTS_PATH + "?sent=1");
    }
    return LinkRequests.json(202, "received");
  }
}
