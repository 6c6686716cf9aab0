package dev.newsroom.subscriptions;

import dev.newsroom.config.Env;
import dev.newsroom.site.SiteConfig;
import dev.newsroom.site.SiteRenderer;
import dev.newsroom.web.HttpRequest;
import java.util.function.Function;

/**
 * The public origin that links in emails and pages use, per request.
 *
 * <p>{@code SITE_URL} when configured (the {@code SiteUrl} parameter; the dev server sets its own
 * base URL). The template cannot give these functions the CloudFront domain: the distribution's
 * {@code /api/*} origin is the HTTP API, whose routes are these functions, so a reference would
 * be a dependency cycle. Without {@code SiteUrl}, links use the host API Gateway reports for the
 * request, which a client cannot choose: they work, on the API's own domain. Set {@code SiteUrl}
 * to the {@code SiteUrl} output after the first deploy to have them on the site.
 */
record SiteContext(Function<HttpRequest, String> origin, String name) {

  static SiteContext fromEnv() {
    return of(Env.optional("SITE_URL").orElse(null), Env.optional("SITE_NAME").orElse("Newsroom"));
  }

  /** @param configured the configured origin, or null to use the request's API domain */
  static SiteContext of(String configured, String name) {
    return new SiteContext(request -> {
      if (configured != null) {
        return configured;
      }
      String host = request.domainName();
      if (host == null || !host.matches("[A-Za-z0-9.-]+")) {
        throw new IllegalStateException("no SITE_URL and no domain name in the request");
      }
      return "https://" + host;
    }, name);
  }

  /** The same origin for every request: tests. */
  static SiteContext fixed(String url, String name) {
    return new SiteContext(request -> url, name);
  }

  String url(HttpRequest request) {
    String url = origin.apply(request);
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  SubscriptionPages pages(HttpRequest request) {
    return new SubscriptionPages(new SiteRenderer(new SiteConfig(url(request), name)));
  }
}
