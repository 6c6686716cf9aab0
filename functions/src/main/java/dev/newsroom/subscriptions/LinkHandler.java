package dev.newsroom.subscriptions;

import dev.newsroom.web.HttpHandler;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Base of the handlers behind a signed link in an email ({@code ?token=}). GET shows the link's
 * page and changes nothing, since mail scanners open links; POST acts. A subclass states only its
 * own parts: what the token opens, its page, and the action.
 */
abstract class LinkHandler extends HttpHandler {

  /** One of {@link SubscriptionPages}' link pages; the token goes into the page's form. */
  interface LinkPage {
    HttpResponse render(SubscriptionPages pages, LinkState state, String token);
  }

  private final SiteContext site;
  private final Function<String, LinkState> state;
  private final LinkPage page;

  /**
   * @param state what a token opens, read without changing anything
   * @param page this link's page for a state
   */
  LinkHandler(SiteContext site, Function<String, LinkState> state, LinkPage page) {
    this.site = site;
    this.state = state;
    this.page = page;
  }

  @Override
  protected final HttpResponse handle(HttpRequest request) {
    if ("POST".equals(request.method())) {
      return act(request);
    }
    String token = LinkRequests.queryToken(request);
    return show(request, state.apply(token), token);
  }

  /** The POST: acts on the token and answers, mostly through {@link #answer}. */
  abstract HttpResponse act(HttpRequest request);

  /** The caller gets JSON; forms, mail clients and browsers get pages. */
  boolean wantsJson(HttpRequest request) {
    return LinkRequests.wantsJson(request);
  }

  /**
   * The answer to a POST: when it was done, {@code {"status": jsonStatus}} for JSON callers and
   * {@code done} for the rest; otherwise see {@link #refused}.
   */
  final HttpResponse answer(HttpRequest request, LinkState result, String jsonStatus,
      Supplier<HttpResponse> done, String retryToken) {
    if (result != LinkState.DONE) {
      return refused(request, result, retryToken);
    }
    return wantsJson(request) ? LinkRequests.json(200, jsonStatus) : done.get();
  }

  /** A POST that changed nothing: invalid_link for JSON callers, the link's page for the rest. */
  final HttpResponse refused(HttpRequest request, LinkState result, String retryToken) {
    if (wantsJson(request)) {
      throw LinkRequests.invalidLink();
    }
    return show(request, result, retryToken);
  }

  final SiteContext site() {
    return site;
  }

  private HttpResponse show(HttpRequest request, LinkState state, String token) {
    return LinkRequests.page(request, state,
        () -> page.render(site.pages(request.domainName()), state, token));
  }
}
