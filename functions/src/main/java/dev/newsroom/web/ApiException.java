package dev.newsroom.web;

import java.util.Map;

/** An HTTP-level refusal (auth, media type, size) with a client-safe message. */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final Map<String, String> headers;

  public ApiException(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  public ApiException(int status, String code, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.headers = Map.copyOf(headers);
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  public static ApiException unauthorized() {
    return new ApiException(401, "unauthorized", "A valid editor key is required.",
        Map.of("WWW-Authenticate", "Bearer"));
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
