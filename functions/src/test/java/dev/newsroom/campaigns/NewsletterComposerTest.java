package dev.newsroom.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.mail.EmailMessage;
import dev.newsroom.newsletter.NewsletterRenderer;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.shared.MutableClock;
import dev.newsroom.subscriptions.LinkSigner;
import dev.newsroom.subscriptions.SubscriberIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NewsletterComposerTest {

  private static final String SITE = "https://news.example.com";
  private static final String EMAIL = "ada@example.org";
  private static final String ID = SubscriberIds.of(EmailAddress.parse(EMAIL));
  private static final Pattern UNSUBSCRIBE = Pattern.compile(
      Pattern.quote(SITE + "/api/subscriptions/unsubscribe?token=") + "([A-Za-z0-9_.-]+)");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
  private final LinkSigner signer = new LinkSigner(
      () -> "0123456789abcdef0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8));
  private final NewsletterComposer composer =
      new NewsletterComposer(new NewsletterRenderer(SITE, "Newsroom", signer, clock));

  @Test
  void compose_signsTheCampaignIntoTheHeaderAndFooterUnsubscribeLinks() {
    CampaignContent content = new CampaignContent("Storm", "It rains", List.of(
        new CampaignArticle("storm", "Storm", "It rains", null, null, "<p>Rain.</p>",
            List.of("weather"), clock.now())));

    EmailMessage mail = composer.compose(content, "a-storm-1764576000", ID, EMAIL);

    for (String part : List.of(mail.headers().get("List-Unsubscribe"), mail.html(), mail.text())) {
      Matcher link = UNSUBSCRIBE.matcher(part);
      assertThat(link.find()).as(part).isTrue();
      assertThat(signer.open(LinkSigner.Purpose.UNSUBSCRIBE, link.group(1), clock.now()))
          .contains(new LinkSigner.SignedLink(ID, "a-storm-1764576000"));
    }
  }
}
