package dev.newsroom.mail;

/** The mail service refused the message for good; retrying cannot help. */
public final class MailRejectedException extends RuntimeException {

  public MailRejectedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
