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

  private final S3Client s3;
  private final String bucket;
  private final Map<String, String> securityHeaders;

  LocalSite(S3Client s3, String bucket, Map<String, String> securityHeaders) {
    this.s3 = s3;
    this.bucket = bucket;
    this.securityHeaders = Map.copyOf(securityHeaders);
  }

  void addSecurityHeaders(HttpExchange exchange) {
    securityHeaders.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
  }

  void serve(HttpExchange exchange) throws IOException {
    addSecurityHeaders(exchange);
    String method = exchange.getRequestMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      DevResponses.send(exchange, 405, "text/plain; charset=utf-8", "Method not allowed\n");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (!path.endsWith("/") && !last.contains(".")) {
      // Same rule as the CloudFront function in template.yaml.
      exchange.getResponseHeaders().set("Location", path + "/");
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

  /** Header name to value, from the template's response-headers policy. */
  static Map<String, String> securityHeaders(SamTemplate template) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    for (JsonNode policy : template.resourcesOfType("AWS::CloudFront::ResponseHeadersPolicy")
        .values()) {
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
    }
    return headers;
  }
}
