package dev.newsroom.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps what it is asked to send; one-shot failures per subject play an outage or a rejection. */
public final class RecordingMailer implements Mailer {

  private final List<EmailMessage> sent = new ArrayList<>();
  private final Map<String, RuntimeException> failures = new HashMap<>();
  private int calls;

  /** The next send of a message with this subject throws {@code failure} instead. */
  public void failOnce(String subject, RuntimeException failure) {
    failures.put(subject, failure);
  }

  @Override
  public void send(EmailMessage message) {
    calls++;
    RuntimeException failure = failures.remove(message.subject());
    if (failure != null) {
      throw failure;
    }
    sent.add(message);
  }

  public List<EmailMessage> sent() {
    return List.copyOf(sent);
  }

  public int calls() {
    return calls;
  }
}
