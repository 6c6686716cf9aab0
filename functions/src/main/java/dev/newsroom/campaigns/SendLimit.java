package dev.newsroom.campaigns;

import dev.newsroom.shared.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends per second: the account's limit from the mail service, or the configured ceiling if that
 * is lower. The account's limit is read again every {@link #REFRESH}, so a raised quota is used
 * without a deploy.
 */
public final class SendLimit {

  static final Duration REFRESH = Duration.ofMinutes(5);

  private final SendQuota quota;
  private final int ceiling;
  private final Clock clock;
  private int current;
  private Instant readAt;

  /** @param ceiling the highest rate wanted whatever the account allows; 0 for none */
  public SendLimit(SendQuota quota, int ceiling, Clock clock) {
    this.quota = quota;
    this.ceiling = ceiling;
    this.clock = clock;
  }

  /** @throws dev.newsroom.shared.UnavailableException when the quota cannot be read */
  public synchronized int perSecond() {
    Instant now = clock.now();
    if (readAt == null || !now.isBefore(readAt.plus(REFRESH))) {
      int account = Math.max(1, (int) Math.floor(quota.maxSendRate()));
      current = ceiling > 0 ? Math.min(ceiling, account) : account;
      readAt = now;
    }
    return current;
  }
}
