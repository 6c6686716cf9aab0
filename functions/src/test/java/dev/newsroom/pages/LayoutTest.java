package dev.newsroom.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayoutTest {

  private final SiteConfig site = new SiteConfig("https://news.example.com/", "Newsroom");
  private final Layout layout = new Layout(site);

  @Test
  void message_whenForm_escapesFieldsAndKeepsAStableOrder() {
    MessagePage page = new MessagePage("/subscribe/confirm/", "Confirm", "Confirm it.",
        "Confirm your subscription", List.of("One click <b>left</b>."),
        new MessagePage.Form("/api/subscriptions/confirm", Map.of("token", "a\"b", "a", "1"),
            "Confirm"));

    String html = layout.message(page);

    assertThat(html).contains("One click &lt;b&gt;left&lt;/b&gt;.")
        .containsSubsequence("name=\"a\" value=\"1\"", "name=\"token\" value=\"a&quot;b\"")
        .contains("<link rel=\"stylesheet\" href=\"/static/site.css\">",
            "<meta name=\"robots\" content=\"noindex\">",
            "<link rel=\"canonical\" href=\"https://news.example.com/subscribe/confirm/\">");
  }

  @Test
  void message_whenSharedPage_isTheSameTextWhoeverRendersIt() {
    assertThat(layout.message(MessagePages.unsubscribed()))
        .contains("<title>Unsubscribed | Newsroom</title>", "You are unsubscribed",
            SitePaths.SUBSCRIPTION_DATA_REQUESTS);
  }

  @Test
  void article_whenBuilt_isAnIndexedArticleWithTheNewsletterBox() {
    PageMeta meta = PageMeta.article(site, "/articles/a/", "A", "About a.", "https://i/x.jpg",
        "{}");

    assertThat(meta.title()).isEqualTo("A | Newsroom");
    assertThat(meta.canonical()).isEqualTo("https://news.example.com/articles/a/");
    assertThat(meta.ogType()).isEqualTo("article");
    assertThat(meta.noindex()).isFalse();
    assertThat(meta.newsletter()).isTrue();
    assertThat(meta.navHome()).isFalse();
  }

  @Test
  void listing_whenFirstHomePage_isTheLatestEntryOnly() {
    PageMeta home = PageMeta.listing(site, "/", "Latest news", "Latest news", "d", true);
    PageMeta tag = PageMeta.listing(site, "/tags/x/", "X", "X", "d", false);

    assertThat(home.navHome()).isTrue();
    assertThat(tag.navHome()).isFalse();
    assertThat(tag.newsletter()).isTrue();
  }

  @Test
  void contactAndMessage_whenBuilt_haveNoNewsletterBoxAndOnlyMessagesAreNoindex() {
    PageMeta contact = PageMeta.contact(site, SitePaths.CONTACT, "Contact us", "d");
    PageMeta message = PageMeta.message(site, MessagePages.notFound());

    assertThat(contact.navContact()).isTrue();
    assertThat(contact.newsletter()).isFalse();
    assertThat(contact.noindex()).isFalse();
    assertThat(message.noindex()).isTrue();
    assertThat(message.newsletter()).isFalse();
    assertThat(message.navContact()).isFalse();
  }
}
