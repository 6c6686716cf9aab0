package dev.newsroom.devserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** One origin, like CloudFront: {@code /api/*} to the API, everything else to the site. */
final class DevRouter implements HttpHandler {

  private final HttpApiBridge api;

  DevRouter(HttpApiBridge api) {
    this.api = api;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getRawPath();
      if (path.startsWith("/api/")) {
        api.serve(exchange);
      } else {
        DevResponses.send(exchange, 404, "text/plain; charset=utf-8", "Not found\n");
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
      DevResponses.send(exchange, 502, "application/json", "{\"message\":\"Bad Gateway\"}");
    }
  }
}
