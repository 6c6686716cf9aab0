package dev.newsroom.subscriptions;

import dev.newsroom.site.SitePaths;
import dev.newsroom.web.HttpHandler;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/**
 * {@code GET /api/subscriptions/confirm?token=}: the confirmation email's link shows a page with a
 * button, and changes nothing (mail scanners open links). {@code POST} with the token confirms:
 * the page's form gets a 303 to the site's "confirmed" page, JSON gets JSON. Both are idempotent.
 */
public final class ConfirmSubscriptionHandler extends HttpHandler {

  private final SubscriptionService subscriptions;
  private final SiteContext site;

  public ConfirmSubscriptionHandler() {
    this(Subscriptions.confirmations(), Subscriptions.site());
  }

  ConfirmSubscriptionHandler(SubscriptionService subscriptions, SiteContext site) {
    this.subscriptions = subscriptions;
    this.site = site;
  }

  @Override
  protected HttpResponse handle(HttpRequest request) {
    if (!"POST".equals(request.method())) {
      String token = LinkRequests.queryToken(request);
      LinkState state = subscriptions.confirmationState(token);
      return LinkRequests.page(request, state, () -> site.pages(request).confirm(state, token));
    }
    String token = LinkRequests.postToken(request);
    LinkState result = subscriptions.confirm(token,
        new Visitor(request.sourceIp(), request.userAgent()), site.url(request));
    if (LinkRequests.wantsJson(request)) {
      if (result != LinkState.DONE) {
        throw LinkRequests.invalidLink();
      }
      return LinkRequests.json(200, "confirmed");
    }
    if (result == LinkState.DONE) {
      return HttpResponse.seeOther(SitePaths.SUBSCRIBE_CONFIRMED);
    }
    return LinkRequests.page(request, result, () -> site.pages(request).confirm(result, token));
  }
}
