package dev.newsroom.subscriptions;

import dev.newsroom.config.Env;
import dev.newsroom.pages.Layout;
import dev.newsroom.pages.SiteConfig;
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
record SiteContext(Function<String, String> origin, String name) {

  static SiteContext fromEnv() {
    return of(Env.optional("SITE_URL").orElse(null), Env.optional("SITE_NAME").orElse("Newsroom"));
  }

  /** @param configured the configured origin, or null to use the request's API domain */
  static SiteContext of(String configured, String name) {
    return new SiteContext(host -> {
      if (configured != null) {
        return configured;
      }
      if (host == null || !host.matches("[A-Za-z0-9.-]+")) {
        throw new IllegalStateException("no SITE_URL and no domain name in the request");
      }
      return "https://" + host;
    }, name);
  }

  /** The same origin for every request: tests. */
  static SiteContext fixed(String url, String name) {
    return new SiteContext(host -> url, name);
  }

  /** @param requestDomain the domain name API Gateway reports for the request */
  String url(String requestDomain) {
    String url = origin.apply(requestDomain);
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  SubscriptionPages pages(String requestDomain) {
    return new SubscriptionPages(new Layout(new SiteConfig(url(requestDomain), name)));
  }
}
