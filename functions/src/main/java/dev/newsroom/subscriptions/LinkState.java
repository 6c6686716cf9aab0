package dev.newsroom.subscriptions;

/** What a link's page should offer, found without changing anything (GET is scanner-safe). */
public enum LinkState {
  /** The link works and its action is still to be done: show the button. */
  ACTIONABLE,
  /** The action is already done (or moot): say so, no button. */
  DONE,
  /** Unknown, forged, expired or superseded. */
  INVALID
}
