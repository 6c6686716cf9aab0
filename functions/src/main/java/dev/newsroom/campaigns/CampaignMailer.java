package dev.newsroom.campaigns;

import dev.newsroom.mail.EmailMessage;

/** Hands one campaign email to the mail service, exactly once (no retries of its own). */
public interface CampaignMailer {

  /** What the mail service answered. */
  enum Outcome {
    /** Accepted. */
    SENT,
    /** Over the send rate: nothing went out, send later. */
    THROTTLED,
    /** The service failed (5xx) and said so: nothing went out, send later. */
    TRY_LATER,
    /** Refused for good (e.g. a rejected address): never retried. */
    REJECTED,
    /** No answer (timeout, broken connection): the message may have gone out. */
    UNKNOWN,
    /** The account may not send at all (sending paused, suspended): stop the campaign. */
    BLOCKED
  }

  /** @param reason the service's error code, for failed and uncertain recipients; null if sent */
  record Result(Outcome outcome, String reason) {
    public static final Result SENT = new Result(Outcome.SENT, null);
  }

  /**
   * @param campaignId and {@code subscriberId} travel as message tags, so that bounces and
   *     complaints find their way back to the campaign
   */
  Result send(EmailMessage message, String campaignId, String subscriberId);
}
