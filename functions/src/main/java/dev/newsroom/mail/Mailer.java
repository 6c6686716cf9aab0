package dev.newsroom.mail;

/** Sends one email now. */
public interface Mailer {

  /**
   * @throws dev.newsroom.shared.UnavailableException when the send may succeed later
   *     (throttling, outage): the outbox keeps the message and retries
   * @throws MailRejectedException when it never will (e.g. a malformed address)
   */
  void send(EmailMessage message);
}
