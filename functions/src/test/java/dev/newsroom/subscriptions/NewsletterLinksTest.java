package dev.newsroom.subscriptions;

import static dev.newsroom.subscriptions.SubscriptionFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.mail.EmailMessage;
import dev.newsroom.newsletter.NewsletterArticle;
import dev.newsroom.newsletter.NewsletterContent;
import dev.newsroom.newsletter.NewsletterRenderer;
import dev.newsroom.web.ApiEvents;
import dev.newsroom.web.ClientAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The links a newsletter carries work with the subscription routes as a mail client uses them. */
class NewsletterLinksTest {

  private static final String ADA = "ada@example.org";

  private final SubscriptionFixture f = new SubscriptionFixture();
  private final NewsletterRenderer renderer =
      new NewsletterRenderer(SubscriptionFixture.SITE, "Newsroom", f.signer, f.clock);
  private final UnsubscribeHandler unsubscribe =
      new UnsubscribeHandler(f.subscriptions, f.site, ClientAddress.direct());

  private EmailMessage newsletterTo(String address) {
    f.subscribe(address);
    f.confirm(f.lastConfirmationToken());
    return renderer.render(new NewsletterContent("News", "Today", List.of(
        new NewsletterArticle("a", "A", "S", null, null, null, "<p>x</p>"))), id(address),
        address, "a-news-1764576000");
  }

  @Test
  void listUnsubscribeHeader_whenPostedAsRfc8058OneClick_unsubscribes() {
    EmailMessage mail = newsletterTo(ADA);
    String header = mail.headers().get("List-Unsubscribe");
    URI target = URI.create(header.substring(1, header.length() - 1));

    // what a mail client does: POST the header's URL, body List-Unsubscribe=One-Click
    APIGatewayV2HTTPResponse r = unsubscribe.handleRequest(ApiEvents.request("POST",
            target.getPath()).query("token", target.getQuery().substring("token=".length()))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click").build(), null);

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    assertThat(f.repository.events(id(ADA))).last()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("one-click"));
  }

  @Test
  void footerUnsubscribeLink_opensTheUnsubscribePageWithoutActing() {
    EmailMessage mail = newsletterTo(ADA);
    String token = SubscriptionFixture.param(mail.text(), SubscriptionLinks.UNSUBSCRIBE_PATH);

    APIGatewayV2HTTPResponse r = unsubscribe.handleRequest(ApiEvents.request("GET",
        SubscriptionLinks.UNSUBSCRIBE_PATH).query("token", token)
        .header("accept", "text/html").build(), null);

    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getBody()).contains("Unsubscribe from the newsletter?");
    assertThat(f.repository.find(id(ADA)).orElseThrow().status())
        .isEqualTo(SubscriberStatus.CONFIRMED);
  }
}
