package dev.newsroom.subscriptions;

import dev.newsroom.pages.SitePaths;
import dev.newsroom.web.ClientAddress;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/**
 * {@code /api/subscriptions/unsubscribe?token=}, the link in every email and in its
 * {@code List-Unsubscribe} header. GET shows a page with a button; POST unsubscribes, whether it
 * comes from that button (303 to the site's "unsubscribed" page), from a mail client's one-click
 * button (RFC 8058: a POST to the link itself, answered 200 with no cookie or page needed), or
 * from a script (JSON). Idempotent.
 */
public class UnsubscribeHandler extends LinkHandler {

  private final SubscriptionService subscriptions;
  private final ClientAddress clients;

  /** Without mailings wired in: a newsletter's link unsubscribes, and is counted nowhere. */
  public UnsubscribeHandler() {
    this(UnsubscribeCounter.NONE);
  }

  /** For the function that also counts unsubscribes on newsletters (wired by campaigns). */
  protected UnsubscribeHandler(UnsubscribeCounter counter) {
    this(SubscriptionsWiring.unsubscribes(counter), SubscriptionsWiring.site(),
        ClientAddress.fromEnv());
  }

  UnsubscribeHandler(SubscriptionService subscriptions, SiteContext site,
      ClientAddress clients) {
    super(site, subscriptions::unsubscribeState, SubscriptionPages::unsubscribe);
    this.subscriptions = subscriptions;
    this.clients = clients;
  }

  /** A one-click POST never gets the JSON answer, whatever its content type says. */
  @Override
  final boolean wantsJson(HttpRequest request) {
    return !LinkRequests.isOneClick(request) && LinkRequests.wantsJson(request);
  }

  @Override
  final HttpResponse act(HttpRequest request) {
    boolean oneClick = LinkRequests.isOneClick(request);
    String token = oneClick ? LinkRequests.queryToken(request) : LinkRequests.postToken(request);
    LinkState result = subscriptions.unsubscribe(token,
        new Visitor(clients.of(request), request.userAgent()),
        oneClick ? "one-click" : wantsJson(request) ? "api" : "page");
    return answer(request, result, "unsubscribed",
        () -> !oneClick && LinkRequests.isForm(request)
            ? HttpResponse.seeOther(SitePaths.SUBSCRIBE_UNSUBSCRIBED)
            : site().pages(request.domainName()).unsubscribed(), "");
  }
}
