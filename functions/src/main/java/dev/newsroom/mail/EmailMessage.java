package dev.newsroom.mail;

import java.util.Map;

/**
 * One email to one recipient, fully rendered, as it waits in the outbox.
 *
 * @param kind what it is, for logs and metrics (e.g. "confirmation"); never personal data
 * @param replyTo a validated address, or null
 * @param headers extra headers such as List-Unsubscribe; names and values free of CR/LF
 */
public record EmailMessage(String kind, String to, String replyTo, String subject, String text,
    String html, Map<String, String> headers) {

  public EmailMessage {
    headers = Map.copyOf(headers);
    for (String value : new String[] {to, replyTo, subject}) {
      if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
        throw new IllegalArgumentException("CR/LF in an email header field");
      }
    }
    headers.forEach((name, value) -> {
      if ((name + value).indexOf('\r') >= 0 || (name + value).indexOf('\n') >= 0) {
        throw new IllegalArgumentException("CR/LF in an email header");
      }
    });
  }
}
