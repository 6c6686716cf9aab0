package dev.newsroom.subscriptions;

import java.time.Instant;

/**
 * One address's subscription, keyed by {@link SubscriberIds#of its id}. Every change goes
 * through a method below that returns the next state with {@code version + 1}; the store writes
 * it only if the stored version is still {@code version - 1}, so two requests that raced cannot
 * both win.
 *
 * @param email the normalised address, or null once erased (or never known: an address that
 *     bounced before it subscribed is kept as a suppression only)
 * @param name the optional name given at signup, never used in emails
 * @param signupId the signup a pending or confirmed subscription belongs to; a confirmation
 *     token of an earlier signup cannot confirm a later one
 * @param topics what the subscriber follows; {@link Topics#ALL} when stored before topics existed
 *     (null reads as that too)
 * @param version 1 for a subscriber not stored yet
 */
public record Subscriber(String id, String email, String name, SubscriberStatus status,
    String signupId, String page, Instant createdAt, Instant updatedAt, Instant confirmedAt,
    Instant unsubscribedAt, Instant suppressedAt, String suppressionReason, Instant erasedAt,
    Instant lastConfirmationAt, Instant lastDataRequestAt, String lastFeedbackId, Topics topics,
    long version) {

  public Subscriber {
    topics = topics == null ? Topics.ALL : topics;
  }

  /** A first signup: pending until the address owner confirms. */
  static Subscriber pending(String id, String email, String name, String page, String signupId,
      Topics topics, Instant now) {
    return new Subscriber(id, email, name, SubscriberStatus.PENDING, signupId, page, now, now,
        null, null, null, null, null, now, null, null, topics, 1);
  }

  /** A bounce or complaint for an address we hold nothing else about. */
  static Subscriber suppressionOnly(String id, String reason, String feedbackId, Instant now) {
    return new Subscriber(id, null, null, SubscriberStatus.SUPPRESSED, null, null, now, now, null,
        null, now, reason, null, null, null, feedbackId, Topics.ALL, 1);
  }

  /** True when mail may go to this address. */
  /** An erase's tombstone, not signed up again since. */
  boolean isErased() {
    return email == null && erasedAt != null;
  }

  boolean isMailable() {
    return email != null
        && (status == SubscriberStatus.PENDING || status == SubscriberStatus.CONFIRMED);
  }

  /** A new signup after an unsubscribe or an erase: a fresh opt-in, confirmed anew. */
  Subscriber signUpAgain(String newEmail, String newName, String newPage, String newSignupId,
      Topics newTopics, Instant now) {
    require(status == SubscriberStatus.UNSUBSCRIBED || status == SubscriberStatus.ERASED);
    return new Subscriber(id, newEmail, newName, SubscriberStatus.PENDING, newSignupId, newPage,
        createdAt, now, null, unsubscribedAt, null, null, erasedAt, now, lastDataRequestAt,
        lastFeedbackId, newTopics, version + 1);
  }

  /**
   * Another confirmation email for the same pending signup, with the topics of this latest form:
   * nothing confirmed is overwritten, since a pending subscription gets no newsletter yet.
   */
  Subscriber confirmationResent(Topics newTopics, Instant now) {
    require(status == SubscriberStatus.PENDING);
    return new Subscriber(id, email, name, status, signupId, page, createdAt, now, confirmedAt,
        unsubscribedAt, suppressedAt, suppressionReason, erasedAt, now, lastDataRequestAt,
        lastFeedbackId, newTopics, version + 1);
  }

  Subscriber confirm(Instant now) {
    require(status == SubscriberStatus.PENDING);
    return new Subscriber(id, email, name, SubscriberStatus.CONFIRMED, signupId, page, createdAt,
        now, now, unsubscribedAt, suppressedAt, suppressionReason, erasedAt, lastConfirmationAt,
        lastDataRequestAt, lastFeedbackId, topics, version + 1);
  }

  Subscriber unsubscribe(Instant now) {
    require(status == SubscriberStatus.PENDING || status == SubscriberStatus.CONFIRMED);
    return new Subscriber(id, email, name, SubscriberStatus.UNSUBSCRIBED, signupId, page,
        createdAt, now, confirmedAt, now, suppressedAt, suppressionReason, erasedAt,
        lastConfirmationAt, lastDataRequestAt, lastFeedbackId, topics, version + 1);
  }

  /** New topics, from the preferences page: only while mail may go to the address. */
  Subscriber follow(Topics newTopics, Instant now) {
    require(isMailable());
    return new Subscriber(id, email, name, status, signupId, page, createdAt, now, confirmedAt,
        unsubscribedAt, suppressedAt, suppressionReason, erasedAt, lastConfirmationAt,
        lastDataRequestAt, lastFeedbackId, newTopics, version + 1);
  }

  /** Final: kept through unsubscribes, signups and erasure. The first reason stays. */
  Subscriber suppress(String reason, String feedbackId, Instant now) {
    boolean already = status == SubscriberStatus.SUPPRESSED;
    return new Subscriber(id, email, name, SubscriberStatus.SUPPRESSED, signupId, page, createdAt,
        now, confirmedAt, unsubscribedAt, already ? suppressedAt : now,
        already ? suppressionReason : reason, erasedAt, lastConfirmationAt, lastDataRequestAt,
        feedbackId, topics, version + 1);
  }

  /** A report from the mail service that changes no status (a soft bounce), seen once. */
  Subscriber feedbackSeen(String feedbackId, Instant now) {
    return new Subscriber(id, email, name, status, signupId, page, createdAt, now, confirmedAt,
        unsubscribedAt, suppressedAt, suppressionReason, erasedAt, lastConfirmationAt,
        lastDataRequestAt, feedbackId, topics, version + 1);
  }

  Subscriber dataRequested(Instant now) {
    return new Subscriber(id, email, name, status, signupId, page, createdAt, now, confirmedAt,
        unsubscribedAt, suppressedAt, suppressionReason, erasedAt, lastConfirmationAt, now,
        lastFeedbackId, topics, version + 1);
  }

  /**
   * The tombstone an erase leaves: the id (a hash of the address) and, if it was suppressed, the
   * suppression, so that the address is still never mailed. Everything personal goes.
   */
  Subscriber erase(Instant now) {
    boolean suppressed = status == SubscriberStatus.SUPPRESSED;
    return new Subscriber(id, null, null,
        suppressed ? SubscriberStatus.SUPPRESSED : SubscriberStatus.ERASED, null, null, now, now,
        null, null, suppressed ? suppressedAt : null, suppressed ? suppressionReason : null,
        erasedAt == null ? now : erasedAt, null, null, null, Topics.ALL, version + 1);
  }

  private static void require(boolean allowed) {
    if (!allowed) {
      throw new IllegalStateException("transition not allowed from this status");
    }
  }
}
