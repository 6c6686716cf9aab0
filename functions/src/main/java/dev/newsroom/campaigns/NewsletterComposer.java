package dev.newsroom.campaigns;

import dev.newsroom.mail.EmailMessage;
import dev.newsroom.newsletter.NewsletterArticle;
import dev.newsroom.newsletter.NewsletterContent;
import dev.newsroom.newsletter.NewsletterRenderer;
import dev.newsroom.newsletter.RenderedNewsletter;

/** Campaign emails rendered by the newsletter feature. */
public final class NewsletterComposer implements CampaignComposer {

  private final NewsletterRenderer renderer;
  /** The last content converted: a sender renders one campaign for many recipients. */
  private volatile Converted last;

  private record Converted(CampaignContent from, NewsletterContent to) {}

  public NewsletterComposer(NewsletterRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public Preview preview(CampaignContent content) {
    RenderedNewsletter rendered = renderer.preview(convert(content));
    return new Preview(rendered.subject(), rendered.html(), rendered.text());
  }

  @Override
  public EmailMessage compose(CampaignContent content, String campaignId, String subscriberId,
      String email) {
    return renderer.render(convert(content), subscriberId, email, campaignId);
  }

  @Override
  public EmailMessage composeTest(CampaignContent content, String email) {
    return renderer.renderTest(convert(content), email);
  }

  private NewsletterContent convert(CampaignContent content) {
    Converted c = last;
    if (c == null || c.from() != content) {
      c = new Converted(content, new NewsletterContent(content.subject(), content.preheader(),
          content.articles().stream().map(a -> new NewsletterArticle(a.slug(), a.title(),
              a.summary(), null, a.heroImageUrl(), a.heroImageAlt(), a.bodyHtml())).toList()));
      last = c;
    }
    return c.to();
  }
}
