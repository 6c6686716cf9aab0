package dev.newsroom.editors;

import dev.newsroom.web.ApiException;
import dev.newsroom.web.HttpHandler;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/**
 * Base of every {@code /api/admin/*} handler and the single place editor keys are checked. A
 * missing, malformed, unknown or revoked key is a 401 before any work is done.
 *
 * <p>Checked in the function rather than by an API Gateway authorizer: an authorizer answers a
 * bad key with 403 and a body outside our error shape, adds a second cold start to each admin
 * call, and its result cache would keep a revoked key alive.
 */
public abstract class AdminHttpHandler extends HttpHandler {

  private final EditorKeyService keys;

  protected AdminHttpHandler(EditorKeyService keys) {
    this.keys = keys;
  }

  @Override
  protected final HttpResponse handle(HttpRequest request) {
    String editorId = keys.authenticate(request.header("authorization").orElse(null))
        .orElseThrow(ApiException::unauthorized);
    return handle(request, editorId).withHeader("Cache-Control", "no-store");
  }

  protected abstract HttpResponse handle(HttpRequest request, String editorId);
}
