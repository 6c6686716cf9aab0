package dev.newsroom.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Work that must happen at or after {@code dueAt}: "fire {@code kind} on {@code targetId} if it
 * is still at {@code expectedVersion}". A job is immutable; its identity is all four fields, so a
 * target rescheduled or edited since gets a new job and the old one becomes a harmless stale job.
 *
 * @param kind which {@link DueJobHandler} fires it, e.g. {@code article-publish}
 * @param targetId the id of the thing to act on (an article slug, a campaign id)
 * @param expectedVersion the target's version the job was made for; the handler checks it
 */
public record DueJob(String kind, String targetId, long expectedVersion, Instant dueAt) {

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  public DueJob {
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("A job kind is lower-case letters, digits and dashes.");
    }
    if (targetId == null || targetId.isEmpty() || targetId.length() > 512) {
      throw new IllegalArgumentException("A job needs a target id of 1-512 characters.");
    }
    Objects.requireNonNull(dueAt, "dueAt");
  }
}
