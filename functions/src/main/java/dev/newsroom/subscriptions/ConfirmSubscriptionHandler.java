package dev.newsroom.subscriptions;

import dev.newsroom.pages.SitePaths;
import dev.newsroom.web.ClientAddress;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/**
 * {@code GET /api/subscriptions/confirm?token=}: the confirmation email's link shows a page with a
 * button, and changes nothing (mail scanners open links). {@code POST} with the token confirms:
 * the page's form gets a 303 to the site's "confirmed" page, JSON gets JSON. Both are idempotent.
 */
public final class ConfirmSubscriptionHandler extends LinkHandler {

  private final SubscriptionService subscriptions;
  private final ClientAddress clients;

  public ConfirmSubscriptionHandler() {
    this(SubscriptionsWiring.confirmations(), SubscriptionsWiring.site(), ClientAddress.fromEnv());
  }

  ConfirmSubscriptionHandler(SubscriptionService subscriptions, SiteContext site,
      ClientAddress clients) {
    super(site, subscriptions::confirmationState, SubscriptionPages::confirm);
    this.subscriptions = subscriptions;
    this.clients = clients;
  }

  @Override
  HttpResponse act(HttpRequest request) {
    String token = LinkRequests.postToken(request);
    LinkState result = subscriptions.confirm(token,
        new Visitor(clients.of(request), request.userAgent()), site().url(request.domainName()));
    return answer(request, result, "confirmed",
        () -> HttpResponse.seeOther(SitePaths.SUBSCRIBE_CONFIRMED), token);
  }
}
