package dev.newsroom.contact;

import dev.newsroom.shared.Clock;
import dev.newsroom.shared.NotFoundException;
import dev.newsroom.shared.Page;
import dev.newsroom.shared.Paging;
import dev.newsroom.shared.Log;
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
    return repository.list(status, Paging.limit(limit, DEFAULT_LIMIT, MAX_LIMIT),
        ContactCursor.decode(cursor), clock.now()).withNextCursor(ContactCursor::encode);
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
