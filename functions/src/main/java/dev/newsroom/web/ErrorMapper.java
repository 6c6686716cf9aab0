package dev.newsroom.web;

import dev.newsroom.config.AwsErrors;
import dev.newsroom.shared.ConflictException;
import dev.newsroom.shared.NotFoundException;
import dev.newsroom.shared.RateLimitedException;
import dev.newsroom.shared.UnavailableException;
import dev.newsroom.shared.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/** The one place where failures become HTTP statuses and the JSON error shape. */
public final class ErrorMapper {

  /** Seconds a client should wait after a 503 before retrying. */
  static final String UNAVAILABLE_RETRY_AFTER = "5";

  private static final String BUSY = "The service is busy. Try again shortly.";
  private static final String INTERNAL = "Something went wrong on our side.";

  private ErrorMapper() {}

  /** As {@link #toResponse(RuntimeException)}, as a page for a browser's plain form post. */
  public static HttpResponse toResponse(RuntimeException failure, HttpRequest request) {
    HttpResponse response = toResponse(failure);
    if (!FormErrorPage.wanted(request)) {
      return response;
    }
    int status = response.status();
    String reason = status == 503 ? BUSY : status >= 500 ? INTERNAL : failure.getMessage();
    return FormErrorPage.of(response, reason);
  }

  public static HttpResponse toResponse(RuntimeException failure) {
    if (failure instanceof ApiException e) {
      HttpResponse response = error(e.status(), e.code(), e.getMessage());
      for (Map.Entry<String, String> header : e.headers().entrySet()) {
        response = response.withHeader(header.getKey(), header.getValue());
      }
      return response;
    }
    if (failure instanceof ValidationException e) {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("code", "invalid_field");
      detail.put("message", e.getMessage());
      detail.put("field", e.field());
      return HttpResponse.json(400, Map.of("error", detail))
          .withHeader("Cache-Control", "no-store");
    }
    if (failure instanceof NotFoundException e) {
      return error(404, "not_found", e.getMessage());
    }
    if (failure instanceof ConflictException e) {
      return error(409, "conflict", e.getMessage());
    }
    if (failure instanceof RateLimitedException e) {
      return error(429, "rate_limited", e.getMessage())
          .withHeader("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
    }
    if (failure instanceof UnavailableException || retryableSdkFailure(failure)) {
      return error(503, "unavailable", BUSY)
          .withHeader("Retry-After", UNAVAILABLE_RETRY_AFTER);
    }
    return error(500, "internal", INTERNAL);
  }

  /**
   * A throttled, failing or unreachable dependency that an adapter did not translate (or that
   * reached us wrapped): nothing was accepted and a retry may work, so it is a 503, not a 500.
   */
  private static boolean retryableSdkFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SdkException sdk) {
        return AwsErrors.isRetryable(sdk);
      }
    }
    return false;
  }

  public static HttpResponse error(int status, String code, String message) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("code", code);
    detail.put("message", message);
    return HttpResponse.json(status, Map.of("error", detail))
        .withHeader("Cache-Control", "no-store");
  }
}
