package dev.newsroom.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Serves the site bucket the way the CloudFront distribution of template.yaml does: a path
 * ending in "/" is its folder's index.html, a path without an extension is redirected to the
 * folder, a missing object answers 404 with /404.html, and the response-headers policy's
 * security headers (read from template.yaml) are added.
 */
final class LocalSite {

  /** The security headers of the distribution's two behaviours: the pages, and /api/*. */
  record EdgeHeaders(Map<String, String> site, Map<String, String> api) {
    EdgeHeaders {
      site = Map.copyOf(site);
      api = Map.copyOf(api);
    }
  }

  /** A plain site path: non-empty segments of letters, digits, '.', '_' and '-'. */
  private static final java.util.regex.Pattern PLAIN =
      java.util.regex.Pattern.compile("(/[A-Za-z0-9][A-Za-z0-9._-]*)+");

  private final S3Client s3;
  private final String bucket;
  private final EdgeHeaders headers;

  LocalSite(S3Client s3, String bucket, EdgeHeaders headers) {
    this.s3 = s3;
    this.bucket = bucket;
    this.headers = headers;
  }

  /** For answers from the API: the /api/* behaviour's policy. */
  void addApiSecurityHeaders(HttpExchange exchange) {
    headers.api().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
  }

  /**
   * Where a path without a trailing slash is redirected, as the CloudFront function in
   * template.yaml decides: only a plain site path, to its folder, so the Location can never
   * name another host (an encoded or literal double slash or backslash is not plain).
   *
   * @param rawPath the path as received, still percent-encoded
   */
  static java.util.Optional<String> folderRedirect(String rawPath) {
    String last = rawPath.substring(rawPath.lastIndexOf('/') + 1);
    return !rawPath.endsWith("/") && PLAIN.matcher(rawPath).matches() && !last.contains(".")
        ? java.util.Optional.of(rawPath + "/") : java.util.Optional.empty();
  }

  void serve(HttpExchange exchange) throws IOException {
    headers.site().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    String method = exchange.getRequestMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      DevResponses.send(exchange, 405, "text/plain; charset=utf-8", "Method not allowed\n");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    if (path == null || !path.startsWith("/")) {
      notFound(exchange);
      return;
    }
    java.util.Optional<String> redirect = folderRedirect(exchange.getRequestURI().getRawPath());
    if (redirect.isPresent()) {
      exchange.getResponseHeaders().set("Location", redirect.get());
      DevResponses.send(exchange, 301, new byte[0]);
      return;
    }
    String key = (path.endsWith("/") ? path + "index.html" : path).substring(1);
    if (key.contains("..") || key.contains("//")) {
      notFound(exchange);
      return;
    }
    ResponseBytes<GetObjectResponse> object;
    try {
      object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      notFound(exchange);
      return;
    }
    GetObjectResponse meta = object.response();
    String etag = meta.eTag();
    exchange.getResponseHeaders().set("ETag", etag);
    if (meta.cacheControl() != null) {
      exchange.getResponseHeaders().set("Cache-Control", meta.cacheControl());
    }
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    if (etag != null && etag.equals(ifNoneMatch)) {
      DevResponses.send(exchange, 304, new byte[0]);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", meta.contentType());
    DevResponses.send(exchange, 200, object.asByteArray());
  }

  private void notFound(HttpExchange exchange) throws IOException {
    byte[] page;
    try {
      page = s3.getObjectAsBytes(r -> r.bucket(bucket).key("404.html")).asByteArray();
    } catch (NoSuchKeyException e) {
      page = "Not found\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    DevResponses.send(exchange, 404, page);
  }

  /** The headers each behaviour's response-headers policy adds, read from template.yaml. */
  static EdgeHeaders securityHeaders(SamTemplate template) {
    JsonNode distribution = template.resourcesOfType("AWS::CloudFront::Distribution").values()
        .iterator().next().path("DistributionConfig");
    String apiPolicy = "";
    for (JsonNode behaviour : distribution.path("CacheBehaviors")) {
      if ("/api/*".equals(behaviour.path("PathPattern").asText())) {
        apiPolicy = behaviour.path("ResponseHeadersPolicyId").asText();
      }
    }
    Map<String, JsonNode> policies =
        template.resourcesOfType("AWS::CloudFront::ResponseHeadersPolicy");
    return new EdgeHeaders(
        headersOf(policies.get(distribution.at("/DefaultCacheBehavior/ResponseHeadersPolicyId")
            .asText())),
        headersOf(policies.get(apiPolicy)));
  }

  /** Header name to value of one policy (none when the behaviour has no policy). */
  private static Map<String, String> headersOf(JsonNode policy) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    if (policy == null) {
      return headers;
    }
    JsonNode security = policy.at("/ResponseHeadersPolicyConfig/SecurityHeadersConfig");
    JsonNode csp = security.at("/ContentSecurityPolicy/ContentSecurityPolicy");
    if (!csp.isMissingNode()) {
      headers.put("Content-Security-Policy", csp.asText());
    }
    if (!security.path("ContentTypeOptions").isMissingNode()) {
      headers.put("X-Content-Type-Options", "nosniff");
    }
    JsonNode referrer = security.at("/ReferrerPolicy/ReferrerPolicy");
    if (!referrer.isMissingNode()) {
      headers.put("Referrer-Policy", referrer.asText());
    }
    JsonNode frame = security.at("/FrameOptions/FrameOption");
    if (!frame.isMissingNode()) {
      headers.put("X-Frame-Options", frame.asText().toUpperCase(Locale.ROOT));
    }
    // HSTS is left out on purpose: it would pin 127.0.0.1 to HTTPS in the browser.
    return headers;
  }
}
