package dev.newsroom.devserver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays API Gateway (HTTP API, payload v2) for the routes of template.yaml: it matches the path,
 * builds the event API Gateway would send, and invokes the real handler class. Each handler is
 * created once, with its public no-arg constructor, like a warm Lambda container.
 */
public final class HttpApiBridge {

  /** API Gateway's own payload limit; the handlers enforce their smaller ones. */
  static final int MAX_PAYLOAD = 10 * 1024 * 1024;

  private record CompiledRoute(SamTemplate.Route route, Pattern pattern, List<String> params) {}

  /** A matched route and its path parameters. */
  public record Match(SamTemplate.Route route, Map<String, String> pathParameters) {}

  private final List<CompiledRoute> routes = new ArrayList<>();
  private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>>
      handlers = new ConcurrentHashMap<>();

  public HttpApiBridge(List<SamTemplate.Route> routes) {
    for (SamTemplate.Route route : routes) {
      List<String> params = new ArrayList<>();
      Matcher m = Pattern.compile("\\{([A-Za-z0-9_]+)(\\+?)}").matcher(route.path());
      StringBuilder regex = new StringBuilder();
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(route.path().substring(last, m.start())));
        regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
        params.add(m.group(1));
        last = m.end();
      }
      regex.append(Pattern.quote(route.path().substring(last)));
      this.routes.add(new CompiledRoute(route, Pattern.compile(regex.toString()), params));
    }
  }

  /** The route for a method and raw path, as API Gateway would choose it. */
  public Optional<Match> match(String method, String rawPath) {
    for (CompiledRoute compiled : routes) {
      Matcher m = compiled.pattern().matcher(rawPath);
      if (compiled.route().method().equals(method) && m.matches()) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < compiled.params().size(); i++) {
          params.put(compiled.params().get(i), URLDecoder.decode(m.group(i + 1),
              StandardCharsets.UTF_8));
        }
        return Optional.of(new Match(compiled.route(), params));
      }
    }
    return Optional.empty();
  }

  /** Serves one exchange whose path starts with /api/. */
  public void serve(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = exchange.getRequestURI().getRawPath();
    Optional<Match> match = match(method, rawPath);
    if (match.isEmpty()) {
      DevResponses.send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
      return;
    }
    byte[] body = readBody(exchange.getRequestBody());
    if (body == null) {
      DevResponses.send(exchange, 413, "application/json",
          "{\"message\":\"Request Entity Too Large\"}");
      return;
    }
    APIGatewayV2HTTPEvent event = event(exchange, match.get(), body);
    APIGatewayV2HTTPResponse response = invoke(match.get().route().handlerClass(), event);
    response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    byte[] out = response.getBody() == null ? new byte[0]
        : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
        : response.getBody().getBytes(StandardCharsets.UTF_8);
    DevResponses.send(exchange, response.getStatusCode(), out);
  }

  /** Invokes a route's handler directly: tests and the seeding step use this. */
  public APIGatewayV2HTTPResponse invoke(String handlerClass, APIGatewayV2HTTPEvent event) {
    return handlers.computeIfAbsent(handlerClass, HttpApiBridge::instantiate)
        .handleRequest(event, null);
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> instantiate(
      String className) {
    try {
      return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
          Class.forName(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("template.yaml names a handler that cannot be built: "
          + className, e);
    }
  }

  static APIGatewayV2HTTPEvent event(HttpExchange exchange, Match match, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    boolean text = isText(headers.getOrDefault("content-type", ""), body);
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String routeKey = match.route().method() + " " + match.route().path();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(exchange.getRequestURI().getRawPath())
        .withRawQueryString(rawQuery)
        .withHeaders(headers)
        .withQueryStringParameters(query(rawQuery))
        .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
        .withBody(body.length == 0 ? null
            : text ? new String(body, StandardCharsets.UTF_8)
            : Base64.getEncoder().encodeToString(body))
        .withIsBase64Encoded(body.length > 0 && !text)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withRouteKey(routeKey)
            .withStage("$default")
            .withRequestId(UUID.randomUUID().toString())
            .withTimeEpoch(System.currentTimeMillis())
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method)
                .withPath(exchange.getRequestURI().getRawPath())
                .withProtocol("HTTP/1.1")
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build())
            .build())
        .build();
  }

  /**
   * Whether API Gateway would pass the body as text. An HTTP API infers the encoding from the
   * Content-Type: a text type goes as a string, anything else base64-encoded. It never rewrites
   * bytes: a "text" body that is not valid UTF-8 cannot go into the event's JSON as a string, so
   * it goes base64-encoded too, and the handler sees the very bytes the client sent (and refuses
   * them, see docs/api-input.md). Decoding such a body here would replace the bad bytes with
   * U+FFFD and let through what Lambda refuses.
   */
  static boolean isText(String contentType, byte[] body) {
    String type = contentType.toLowerCase(Locale.ROOT);
    boolean textType = type.isEmpty() || type.startsWith("text/") || type.contains("json")
        || type.contains("x-www-form-urlencoded") || type.contains("xml")
        || type.contains("javascript");
    return textType && isUtf8(body);
  }

  private static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Decoded query parameters; API Gateway joins repeated names with commas. */
  static Map<String, String> query(String rawQuery) {
    if (rawQuery.isEmpty()) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.merge(name, value, (a, b) -> a + "," + b);
    }
    return params;
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_PAYLOAD + 1);
    return body.length > MAX_PAYLOAD ? null : body;
  }
}
