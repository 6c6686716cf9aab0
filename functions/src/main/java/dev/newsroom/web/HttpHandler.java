package dev.newsroom.web;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.shared.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base of every HTTP function: wraps the event, runs the use case, and maps any failure through
 * {@link ErrorMapper}. Subclasses stay thin: parse, call one service, shape the answer.
 *
 * <p>Lambda calls the stream entry: the runtime prefers {@link RequestStreamHandler} whether the
 * template names the class or {@code Class::handleRequest}, and then leaves the event JSON to
 * {@link HttpEvents} instead of its own reflective serializer. The typed entry is the same
 * request path for the dev server and tests.
 */
public abstract class HttpHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
    RequestStreamHandler {

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context ctx)
      throws IOException {
    HttpEvents.write(handleRequest(HttpEvents.read(input), ctx), output);
  }

  @Override
  public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context ctx) {
    HttpResponse response;
    try {
      response = handle(new HttpRequest(event));
    } catch (ApiException | DomainException e) {
      response = ErrorMapper.toResponse(e);
    } catch (RuntimeException e) {
      // Unexpected: log the type and stack for operators, never the request; the client gets 500.
      Log.error("unhandled " + e.getClass().getName(), e);
      response = ErrorMapper.toResponse(e);
    }
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(response.status())
        .withHeaders(response.headers())
        .withBody(response.body())
        .withIsBase64Encoded(false)
        .build();
  }

  protected abstract HttpResponse handle(HttpRequest request);
}
