package dev.newsroom.subscriptions;

import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/**
 * {@code /api/subscriptions/erase?token=}: GET shows what erasing means and a button; POST erases
 * (idempotent). The signed link is good for 24 hours.
 */
public final class EraseSubscriberDataHandler extends LinkHandler {

  private final SubscriberDataService data;

  public EraseSubscriberDataHandler() {
    this(SubscriptionsWiring.dataLinks(), SubscriptionsWiring.site());
  }

  EraseSubscriberDataHandler(SubscriberDataService data, SiteContext site) {
    super(site, data::eraseState, SubscriptionPages::erase);
    this.data = data;
  }

  @Override
  HttpResponse act(HttpRequest request) {
    LinkState result = data.erase(LinkRequests.postToken(request));
    return answer(request, result, "erased", () -> site().pages(request.domainName()).erased(), "");
  }
}
