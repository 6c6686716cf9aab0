package dev.newsroom.subscriptions;

import dev.newsroom.site.SitePaths;
import dev.newsroom.web.HttpHandler;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/**
 * {@code /api/subscriptions/unsubscribe?token=}, the link in every email and in its
 * {@code List-Unsubscribe} header. GET shows a page with a button; POST unsubscribes, whether it
 * comes from that button (303 to the site's "unsubscribed" page), from a mail client's one-click
 * button (RFC 8058: a POST to the link itself, answered 200 with no cookie or page needed), or
 * from a script (JSON). Idempotent.
 */
public final class UnsubscribeHandler extends HttpHandler {

  private final SubscriptionService subscriptions;
  private final SiteContext site;

  public UnsubscribeHandler() {
    this(Subscriptions.unsubscribes(), Subscriptions.site());
  }

  UnsubscribeHandler(SubscriptionService subscriptions, SiteContext site) {
    this.subscriptions = subscriptions;
    this.site = site;
  }

  @Override
  protected HttpResponse handle(HttpRequest request) {
    if (!"POST".equals(request.method())) {
      String token = LinkRequests.queryToken(request);
      LinkState state = subscriptions.unsubscribeState(token);
      return LinkRequests.page(request, state,
          () -> site.pages(request).unsubscribe(state, token));
    }
    boolean oneClick = LinkRequests.isOneClick(request);
    boolean json = !oneClick && LinkRequests.wantsJson(request);
    LinkState result = subscriptions.unsubscribe(LinkRequests.postToken(request),
        new Visitor(request.sourceIp(), request.userAgent()),
        oneClick ? "one-click" : json ? "api" : "page");
    if (json) {
      if (result != LinkState.DONE) {
        throw LinkRequests.invalidLink();
      }
      return LinkRequests.json(200, "unsubscribed");
    }
    if (result != LinkState.DONE) {
      return LinkRequests.page(request, result, () -> site.pages(request).unsubscribe(result, ""));
    }
    if (!oneClick && LinkRequests.isForm(request)) {
      return HttpResponse.seeOther(SitePaths.SUBSCRIBE_UNSUBSCRIBED);
    }
    return site.pages(request).unsubscribed();
  }
}
