package dev.newsroom.campaigns;

import dev.newsroom.mail.EmailMessage;
import java.util.Map;

/** Renders just enough to tell emails apart. */
final class FakeComposer implements CampaignComposer {

  @Override
  public Preview preview(CampaignContent content) {
    return new Preview(content.subject(), "<p>" + content.preheader() + "</p>",
        content.preheader());
  }

  @Override
  public EmailMessage compose(CampaignContent content, String campaignId, String subscriberId,
      String email) {
    return new EmailMessage("newsletter", email, null, content.subject(),
        "text for " + subscriberId, "<p>html for " + subscriberId + "</p>", Map.of());
  }

  @Override
  public EmailMessage composeTest(CampaignContent content, String email) {
    return new EmailMessage("newsletter-test", email, null, "[Test] " + content.subject(),
        "test text", "<p>test html</p>", Map.of());
  }
}
