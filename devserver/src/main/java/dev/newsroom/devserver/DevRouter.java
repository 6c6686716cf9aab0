package dev.newsroom.devserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** One origin, like CloudFront: {@code /api/*} to the API, everything else to the site. */
final class DevRouter implements HttpHandler {

  private final HttpApiBridge api;
  private final LocalSes ses;
  private final LocalSecrets secrets;
  private final LocalSite site;
  private final LocalSite images;

  DevRouter(HttpApiBridge api, LocalSes ses, LocalSecrets secrets, LocalSite site,
      LocalSite images) {
    this.api = api;
    this.ses = ses;
    this.secrets = secrets;
    this.site = site;
    this.images = images;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getRawPath();
      if (path.startsWith("/api/")) {
        site.addApiSecurityHeaders(exchange);
        api.serve(exchange);
      } else if (path.startsWith(LocalSes.PREFIX + "/")) {
        ses.serve(exchange);
      } else if (path.equals(LocalSecrets.PREFIX) || path.startsWith(LocalSecrets.PREFIX + "/")) {
        secrets.serve(exchange);
      } else if (path.equals("/_outbox")) {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        DevResponses.send(exchange, 200, "text/html; charset=utf-8",
            OutboxPage.render(ses.sent()));
      } else if (path.startsWith("/images/")) {
        // The distribution's images/* behaviour: renditions from the media bucket.
        images.serve(exchange);
      } else {
        site.serve(exchange);
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
      DevResponses.send(exchange, 502, "application/json", "{\"message\":\"Bad Gateway\"}");
    }
  }
}
