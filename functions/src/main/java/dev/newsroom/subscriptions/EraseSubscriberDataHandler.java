package dev.newsroom.subscriptions;

import dev.newsroom.web.HttpHandler;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/**
 * {@code /api/subscriptions/erase?token=}: GET shows what erasing means and a button; POST erases
 * (idempotent). The signed link is good for 24 hours.
 */
public final class EraseSubscriberDataHandler extends HttpHandler {

  private final SubscriberDataService data;
  private final SiteContext site;

  public EraseSubscriberDataHandler() {
    this(Subscriptions.dataLinks(), Subscriptions.site());
  }

  EraseSubscriberDataHandler(SubscriberDataService data, SiteContext site) {
    this.data = data;
    this.site = site;
  }

  @Override
  protected HttpResponse handle(HttpRequest request) {
    if (!"POST".equals(request.method())) {
      String token = LinkRequests.queryToken(request);
      LinkState state = data.eraseState(token);
      return LinkRequests.page(request, state, () -> site.pages(request).erase(state, token));
    }
    LinkState result = data.erase(LinkRequests.postToken(request));
    if (LinkRequests.wantsJson(request)) {
      if (result != LinkState.DONE) {
        throw LinkRequests.invalidLink();
      }
      return LinkRequests.json(200, "erased");
    }
    if (result == LinkState.DONE) {
      return site.pages(request).erased();
    }
    return LinkRequests.page(request, result, () -> site.pages(request).erase(result, ""));
  }
}
