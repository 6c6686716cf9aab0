package dev.newsroom.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A read-only view of an HTTP API (payload v2) event, with the body size checked once. */
public final class HttpRequest {

  /** Bodies above this are refused with 413 before any parsing. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  private final APIGatewayV2HTTPEvent event;

  public HttpRequest(APIGatewayV2HTTPEvent event) {
    this.event = event;
  }

  public String method() {
    var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
    return http == null || http.getMethod() == null ? "GET" : http.getMethod();
  }

  public Optional<String> pathParameter(String name) {
    return lookup(event.getPathParameters(), name);
  }

  public Optional<String> query(String name) {
    return lookup(event.getQueryStringParameters(), name);
  }

  /** Header lookup ignoring case; API Gateway lower-cases names, other callers may not. */
  public Optional<String> header(String name) {
    Map<String, String> headers = event.getHeaders();
    if (headers == null) {
      return Optional.empty();
    }
    String value = headers.get(name.toLowerCase(Locale.ROOT));
    if (value == null) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return Optional.ofNullable(e.getValue());
        }
      }
    }
    return Optional.ofNullable(value);
  }

  /** The media type without parameters, lower case, or empty when absent. */
  public String mediaType() {
    String raw = header("content-type").orElse("");
    int semicolon = raw.indexOf(';');
    return (semicolon < 0 ? raw : raw.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** The raw body, refused with 413 when over {@link #MAX_BODY_BYTES}. */
  public byte[] body() {
    String body = event.getBody();
    if (body == null) {
      return new byte[0];
    }
    if (body.length() > (event.getIsBase64Encoded() ? MAX_BODY_BYTES / 3 * 4 + 4 : MAX_BODY_BYTES)) {
      throw tooLarge();
    }
    byte[] bytes;
    if (event.getIsBase64Encoded()) {
      try {
        bytes = Base64.getDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("malformed_body", "The body is not valid base64.");
      }
    } else {
      bytes = body.getBytes(StandardCharsets.UTF_8);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    return bytes;
  }

  public String sourceIp() {
    var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
    return http == null || http.getSourceIp() == null ? "unknown" : http.getSourceIp();
  }

  /**
   * The host the request arrived at, as API Gateway (not the client) reports it: the
   * execute-api domain, or a custom domain. Null when unknown.
   */
  public String domainName() {
    return event.getRequestContext() == null ? null : event.getRequestContext().getDomainName();
  }

  public String userAgent() {
    return header("user-agent").orElse("");
  }

  private static Optional<String> lookup(Map<String, String> map, String name) {
    return map == null ? Optional.empty() : Optional.ofNullable(map.get(name));
  }

  private static ApiException tooLarge() {
    return new ApiException(413, "payload_too_large", "The body must be at most 256 KB.");
  }
}
