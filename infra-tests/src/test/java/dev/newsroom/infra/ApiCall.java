package dev.newsroom.infra;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * One request to one route, built as API Gateway (HTTP API, payload v2) builds the event, and
 * invoked on the route's real handler class.
 */
public final class ApiCall {

  private final Templates.Route route;
  private final Map<String, String> pathParameters = new LinkedHashMap<>();
  private final Map<String, String> query = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String body;
  private boolean base64;
  private String sourceIp = "203.0.113.10";

  private ApiCall(Templates.Route route) {
    this.route = route;
  }

  public static ApiCall to(Templates.Route route) {
    return new ApiCall(route);
  }

  /** The route serving {@code method} and {@code path} (a template path such as /api/x/{id}). */
  public static ApiCall to(String method, String path) {
    return new ApiCall(Templates.routes().stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no route " + method + " " + path)));
  }

  public Templates.Route route() {
    return route;
  }

  public ApiCall path(String name, String value) {
    pathParameters.put(name, value);
    return this;
  }

  public ApiCall query(String name, String value) {
    query.put(name, value);
    return this;
  }

  public ApiCall header(String name, String value) {
    headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
    return this;
  }

  public ApiCall bearer(String key) {
    return header("authorization", "Bearer " + key);
  }

  public ApiCall json(String json) {
    header("content-type", "application/json");
    body = json;
    base64 = false;
    return this;
  }

  public ApiCall form(String urlEncoded) {
    header("content-type", "application/x-www-form-urlencoded");
    body = urlEncoded;
    base64 = false;
    return this;
  }

  /** Any bytes, base64-encoded in the event as API Gateway does for non-text bodies. */
  public ApiCall bytes(String contentType, byte[] bytes) {
    if (contentType != null) {
      header("content-type", contentType);
    }
    body = Base64.getEncoder().encodeToString(bytes);
    base64 = true;
    return this;
  }

  public ApiCall text(String contentType, String text) {
    if (contentType != null) {
      header("content-type", contentType);
    }
    body = text;
    base64 = false;
    return this;
  }

  public ApiCall from(String ip) {
    sourceIp = ip;
    return this;
  }

  public APIGatewayV2HTTPEvent event() {
    String rawPath = route.path();
    for (String name : route.pathParameters()) {
      String value = pathParameters.getOrDefault(name, "x");
      rawPath = rawPath.replaceFirst("\\{" + name + "\\+?}",
          java.util.regex.Matcher.quoteReplacement(
              URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    StringJoiner rawQuery = new StringJoiner("&");
    query.forEach((k, v) -> rawQuery.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    Map<String, String> params = new LinkedHashMap<>();
    route.pathParameters().forEach(n -> params.put(n, pathParameters.getOrDefault(n, "x")));
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(route.key())
        .withRawPath(rawPath)
        .withRawQueryString(rawQuery.toString())
        .withHeaders(new LinkedHashMap<>(headers))
        .withQueryStringParameters(query.isEmpty() ? null : new LinkedHashMap<>(query))
        .withPathParameters(params.isEmpty() ? null : params)
        .withBody(body)
        .withIsBase64Encoded(base64)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withRouteKey(route.key())
            .withStage("$default")
            .withRequestId(UUID.randomUUID().toString())
            .withTimeEpoch(System.currentTimeMillis())
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(route.method())
                .withPath(rawPath)
                .withProtocol("HTTP/1.1")
                .withSourceIp(sourceIp)
                .withUserAgent(headers.getOrDefault("user-agent", "infra-tests"))
                .build())
            .build())
        .build();
  }

  public APIGatewayV2HTTPResponse invoke() {
    return Emulators.shared().invoke(route.handlerClass(), event());
  }
}
