package dev.newsroom.shared;

/** Input that breaks a rule of the domain. */
public final class ValidationException extends DomainException {

  private final String field;

  public ValidationException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
