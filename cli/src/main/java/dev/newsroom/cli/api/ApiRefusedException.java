package dev.newsroom.cli.api;

/**
 * A 4xx from the API: {@code {"error":{"code","message","field"}}}. Retrying the same request
 * will not help.
 *
 * @param field the invalid field, or null
 */
public final class ApiRefusedException extends RuntimeException {

  private final int status;
  private final String code;
  private final String field;

  public ApiRefusedException(int status, String code, String field, String message) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }
}
