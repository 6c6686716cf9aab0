package dev.newsroom.mail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The outbox in a map, with the same state machine as {@link DynamoDbOutbox}. */
public final class InMemoryOutbox implements Outbox {

  /** One stored message and where it stands. */
  public static final class Entry {
    final EmailMessage message;
    public String status = "pending";
    Instant claimedAt;
    int attempts;
    String reason;

    Entry(EmailMessage message) {
      this.message = message;
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  public void enqueue(String id, EmailMessage message) {
    if (entries.putIfAbsent(id, new Entry(message)) != null) {
      throw new IllegalStateException("already enqueued: " + id);
    }
  }

  public Entry entry(String id) {
    return entries.get(id);
  }

  @Override
  public Optional<EmailMessage> claim(String id, Instant now) {
    Entry entry = entries.get(id);
    boolean stale = entry != null && "sending".equals(entry.status)
        && entry.claimedAt.isBefore(now.minus(DynamoDbOutbox.LEASE));
    if (entry == null || !("pending".equals(entry.status) || stale)) {
      return Optional.empty();
    }
    entry.status = "sending";
    entry.claimedAt = now;
    entry.attempts++;
    return Optional.of(entry.message);
  }

  @Override
  public void markSent(String id, Instant now) {
    settle(id, "sent", null);
  }

  @Override
  public void release(String id) {
    Entry entry = entries.get(id);
    if (entry != null && "sending".equals(entry.status)) {
      entry.status = "pending";
      entry.claimedAt = null;
    }
  }

  @Override
  public void markFailed(String id, String reason, Instant now) {
    settle(id, "failed", reason);
  }

  private void settle(String id, String status, String reason) {
    Entry entry = entries.get(id);
    entry.status = status;
    entry.reason = reason;
    entry.claimedAt = null;
  }
}
