package dev.newsroom.campaigns;

import dev.newsroom.mail.EmailMessage;

/** Renders a campaign's email. */
public interface CampaignComposer {

  /** The email as an editor previews it: no personal links. */
  record Preview(String subject, String html, String text) {}

  Preview preview(CampaignContent content);

  /**
   * The email for one subscriber, with its personal unsubscribe and preferences links; the
   * unsubscribe link names the campaign.
   */
  EmailMessage compose(CampaignContent content, String campaignId, String subscriberId,
      String email);

  /** An editor's test send: marked as a test, with no personal links (the editor subscribes to nothing). */
  EmailMessage composeTest(CampaignContent content, String email);
}
