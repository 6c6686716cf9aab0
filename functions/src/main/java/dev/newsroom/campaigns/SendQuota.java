package dev.newsroom.campaigns;

/** The mail service's own limit on this account. */
public interface SendQuota {

  /** Emails per second the account may send. */
  double maxSendRate();
}
