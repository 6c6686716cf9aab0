package dev.newsroom.web;

import dev.newsroom.config.LambdaInvocation;
import dev.newsroom.shared.Invocation;
import dev.newsroom.shared.Log;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.shared.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Core;
import org.crac.Resource;

/**
 * Base of every HTTP function: wraps the event, runs the use case, and maps any failure through
 * {@link ErrorMapper}. Subclasses stay thin: parse, call one service, shape the answer.
 *
 * <p>Lambda calls the stream entry: the runtime prefers {@link RequestStreamHandler} whether the
 * template names the class or {@code Class::handleRequest}, and then leaves the event JSON to
 * {@link HttpEvents} instead of its own reflective serializer. The typed entry is the same
 * request path for the dev server and tests.
 *
 * <p>With SnapStart, the runtime calls {@link #beforeCheckpoint} once, after init and before the
 * snapshot: {@link #prime()} then runs the request path on fakes, so a restored function answers
 * its first request with loaded, compiled code. No connection is opened and nothing is kept.
 */
public abstract class HttpHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
    RequestStreamHandler, Resource {

  /** One hook per function: the instance Lambda builds comes first; priming copies do not count. */
  private static final Set<Class<?>> REGISTERED = ConcurrentHashMap.newKeySet();

  protected HttpHandler() {
    if (REGISTERED.add(getClass())) {
      Core.getGlobalContext().register(this);
    }
  }

  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing was captured before the snapshot that needs renewing.
  }

  /**
   * Exercises this function's request path without I/O. The default covers what all functions
   * share; a handler that can rebuild itself on fakes adds its own path.
   */
  protected void prime() {
    Priming.sharedPath();
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context ctx)
      throws IOException {
    HttpEvents.write(handleRequest(HttpEvents.read(input), ctx), output);
  }

  @Override
  public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context ctx) {
    HttpRequest request = new HttpRequest(event);
    HttpResponse response;
    try (Invocation invocation = LambdaInvocation.open(ctx)) {
      response = respond(request);
    }
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(response.status())
        .withHeaders(response.headers())
        .withBody(response.body())
        .withIsBase64Encoded(false)
        .build();
  }

  private HttpResponse respond(HttpRequest request) {
    try {
      return handle(request);
    } catch (ApiException | DomainException e) {
      return ErrorMapper.toResponse(e, request);
    } catch (RuntimeException e) {
      // Unexpected: log the type and stack for operators, never the request; the client gets 500.
      Log.error("unhandled " + e.getClass().getName(), e);
      return ErrorMapper.toResponse(e, request);
    }
  }

  protected abstract HttpResponse handle(HttpRequest request);
}
