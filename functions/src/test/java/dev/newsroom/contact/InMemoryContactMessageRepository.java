package dev.newsroom.contact;

import dev.newsroom.shared.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages and the outbox in maps, with the DynamoDB adapter's rules: a save is all or nothing,
 * and an existing message (or outbox id) turns it into a repeat that writes nothing.
 */
final class InMemoryContactMessageRepository implements ContactMessageRepository {

  private final Map<String, ContactMessage> messages = new LinkedHashMap<>();
  private final Map<String, OutgoingEmail> outbox = new LinkedHashMap<>();
  private Runnable beforeSave = () -> { };

  /** Runs {@code hook} once, at the start of the next save: a request that commits first. */
  void beforeSave(Runnable hook) {
    this.beforeSave = hook;
  }

  @Override
  public Saved saveNew(ContactMessage message, String previousId, List<OutgoingEmail> emails) {
    Runnable hook = beforeSave;
    beforeSave = () -> { };
    hook.run();
    if (previousId != null && messages.containsKey(previousId)) {
      return new Saved(previousId, true);
    }
    if (messages.containsKey(message.id())
        || emails.stream().anyMatch(e -> outbox.containsKey(e.outboxId()))) {
      return new Saved(message.id(), true);
    }
    messages.put(message.id(), message);
    emails.forEach(e -> outbox.put(e.outboxId(), e));
    return new Saved(message.id(), false);
  }

  @Override
  public Optional<ContactMessage> find(String id) {
    return Optional.ofNullable(messages.get(id));
  }

  @Override
  public Page<ContactMessage> list(ContactStatus status, int limit, String afterKey,
      Instant now) {
    List<ContactMessage> matching = messages.values().stream()
        .filter(m -> m.status() == status && !m.isExpired(now))
        .filter(m -> afterKey == null || m.listingKey().compareTo(afterKey) < 0)
        .sorted(Comparator.comparing(ContactMessage::listingKey).reversed())
        .toList();
    if (matching.size() > limit) {
      return new Page<>(matching.subList(0, limit), matching.get(limit - 1).listingKey());
    }
    return new Page<>(matching, null);
  }

  @Override
  public Optional<ContactMessage> markHandled(String id, String editorId, Instant now) {
    ContactMessage m = messages.get(id);
    if (m == null || m.status() == ContactStatus.HANDLED) {
      return Optional.ofNullable(m);
    }
    ContactMessage handled = new ContactMessage(m.id(), m.receivedAt(), m.name(), m.email(),
        m.subject(), m.message(), m.page(), m.ip(), m.userAgent(), m.contentHash(),
        m.expiresAt(), ContactStatus.HANDLED, now, editorId);
    messages.put(id, handled);
    return Optional.of(handled);
  }

  List<ContactMessage> messages() {
    return new ArrayList<>(messages.values());
  }

  List<OutgoingEmail> outbox() {
    return new ArrayList<>(outbox.values());
  }
}
