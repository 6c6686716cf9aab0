package dev.newsroom.contact;

import dev.newsroom.shared.Clock;
import dev.newsroom.shared.NotFoundException;
import dev.newsroom.shared.Page;
import dev.newsroom.shared.ValidationException;
import dev.newsroom.web.Log;
import java.time.Instant;
import java.util.Map;

/** The editors' side: list, read and mark handled. Messages past retention are gone. */
public final class ContactInbox {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final ContactMessageRepository repository;
  private final Clock clock;

  public ContactInbox(ContactMessageRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public Page<ContactMessage> list(ContactStatus status, Integer limit, String cursor) {
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      throw new ValidationException("limit", "The limit must be between 1 and " + MAX_LIMIT + ".");
    }
    Page<ContactMessage> page = repository.list(status, limit == null ? DEFAULT_LIMIT : limit,
        ContactCursor.decode(cursor), clock.now());
    return new Page<>(page.items(),
        page.nextCursor() == null ? null : ContactCursor.encode(page.nextCursor()));
  }

  public ContactMessage get(String id) {
    if (!ContactService.isId(id)) {
      throw notFound();
    }
    Instant now = clock.now();
    return repository.find(id).filter(message -> !message.isExpired(now))
        .orElseThrow(ContactInbox::notFound);
  }

  public ContactMessage markHandled(String id, String editorId) {
    get(id);
    ContactMessage handled = repository.markHandled(id, editorId, clock.now())
        .orElseThrow(ContactInbox::notFound);
    Log.info("contact.handled", Map.of("messageId", id, "editorId", editorId));
    return handled;
  }

  private static NotFoundException notFound() {
    return new NotFoundException("No message has this id.");
  }
}
