package dev.newsroom.contact;

import dev.newsroom.mail.EmailMessage;
import dev.newsroom.shared.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored contact messages, and the emails that go with a new one. */
public interface ContactMessageRepository {

  /** An email to put in the outbox, under an id that says what it is for. */
  record OutgoingEmail(String outboxId, EmailMessage message) {}

  /**
   * What {@link #saveNew} did.
   *
   * @param id the new message's id, or the id of the message it repeats
   * @param repeat true when nothing was written because the message was already there
   */
  record Saved(String id, boolean repeat) {}

  /**
   * Stores the message and enqueues its emails in one transaction: all of it or nothing. When a
   * message with its id, or with {@code previousId}, is already stored, writes nothing and
   * answers with that message's id.
   *
   * @param previousId the id the same content had in the previous time window, or null
   */
  Saved saveNew(ContactMessage message, String previousId, List<OutgoingEmail> emails);

  Optional<ContactMessage> find(String id);

  /**
   * Newest first, skipping messages past retention that TTL has not removed yet.
   *
   * @param afterKey the {@link ContactMessage#listingKey()} the page starts after, or null
   */
  Page<ContactMessage> list(ContactStatus status, int limit, String afterKey, Instant now);

  /**
   * Marks a new message handled; one already handled keeps who handled it first.
   *
   * @return the message as it now stands, or empty when there is none with this id
   */
  Optional<ContactMessage> markHandled(String id, String editorId, Instant now);
}
