package dev.newsroom.campaigns;

import dev.newsroom.subscriptions.UnsubscribeHandler;

/**
 * The unsubscribe route's function: {@link UnsubscribeHandler} with the campaigns feature wired
 * in, so that leaving through a newsletter's own link is counted on its campaign ("unsubscribed
 * since this campaign"). It lives here because campaigns depend on subscriptions, never the
 * other way.
 */
public final class CampaignUnsubscribeHandler extends UnsubscribeHandler {

  public CampaignUnsubscribeHandler() {
    super(CampaignsWiring.feedback());
  }
}
