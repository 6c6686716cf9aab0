package dev.newsroom.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.articles.ArticleSummary;
import dev.newsroom.pages.SiteConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The about and privacy pages, from configuration, and the links to them. */
class SiteRendererInfoPagesTest {

  private static Map<String, String> fixedPages(SiteConfig site) {
    Map<String, String> pages = new TreeMap<>();
    new SiteRenderer(site).fixedPages().forEach(f -> pages.put(f.key(), f.text()));
    return pages;
  }

  @Test
  void privacyPage_whenConfigured_statesWhatIsStoredTheRetentionAndTheContact() {
    SiteConfig site = new SiteConfig("https://news.example.com", "Daily Planet", null,
        "privacy@news.example.com", 30);

    Document page = Jsoup.parse(fixedPages(site).get("privacy/index.html"));

    String text = page.select("main").text();
    assertThat(text).contains("email address", "IP address", "user agent", "consent log",
        "deleted 30 days after it was sent", "deleted 7 days after sending",
        "35 days", "48 hours", "after its hour is over");
    assertThat(page.select("main a[href=/api/subscriptions/data-requests]")).hasSize(1);
    assertThat(page.select("main a[href=mailto:privacy@news.example.com]")).hasSize(1);
    assertThat(page.select("link[rel=canonical]").attr("href"))
        .isEqualTo("https://news.example.com/privacy/");
    assertThat(page.select("meta[name=robots]")).isEmpty();
  }

  @Test
  void privacyPage_whenNotConfigured_usesTheContactRetentionDefaultAndTheContactForm() {
    Document page = Jsoup.parse(fixedPages(new SiteConfig("https://news.example.com", "Newsroom"))
        .get("privacy/index.html"));

    assertThat(page.select("main").text()).contains("deleted 180 days after it was sent");
    assertThat(page.select("main a[href^=mailto:]")).isEmpty();
    assertThat(page.select("main a[href=/contact/]")).isNotEmpty();
  }

  @Test
  void aboutPage_whenConfigured_showsTheTextAsParagraphs() {
    SiteConfig site = new SiteConfig("https://news.example.com", "Daily Planet",
        "We cover Metropolis.\n\nFounded in 1938.", null, 180);

    Document page = Jsoup.parse(fixedPages(site).get("about/index.html"));

    assertThat(page.select("h1").text()).isEqualTo("About Daily Planet");
    assertThat(page.select("main p").eachText()).startsWith("We cover Metropolis.",
        "Founded in 1938.");
    assertThat(page.select("meta[name=description]").attr("content"))
        .isEqualTo("We cover Metropolis. Founded in 1938.");
  }

  @Test
  void aboutPage_whenNotConfigured_saysSomethingTrueFromTheName() {
    Document page = Jsoup.parse(fixedPages(new SiteConfig("https://news.example.com",
        "Daily Planet")).get("about/index.html"));

    assertThat(page.select("main p").first().text()).startsWith("Daily Planet publishes news");
  }

  @Test
  void pages_whenRendered_linkPrivacyNextToBothFormsAndBothPagesInTheFooter() {
    SiteRenderer renderer = new SiteRenderer(new SiteConfig("https://news.example.com",
        "Newsroom"));
    Document home = Jsoup.parse(renderer.homePage(List.of(ArticleSummary.of(Articles.seed())))
        .text());
    Document contact = Jsoup.parse(fixedPages(new SiteConfig("https://news.example.com",
        "Newsroom")).get("contact/index.html"));

    assertThat(home.select("#newsletter [data-form-box] .form-note a[href=/privacy/]"))
        .hasSize(1);
    assertThat(contact.select(".contact-page .form-note a[href=/privacy/]")).hasSize(1);
    for (Document page : List.of(home, contact)) {
      assertThat(page.select("footer.site-footer a").eachAttr("href"))
          .contains("/about/", "/privacy/");
    }
  }

  @Test
  void sitemapPages_whenRendered_listAboutAndPrivacy() {
    String sitemap = new SiteRenderer(new SiteConfig("https://news.example.com", "Newsroom"))
        .sitemapPages(List.of()).text();

    assertThat(sitemap).contains("<loc>https://news.example.com/about/</loc>",
        "<loc>https://news.example.com/privacy/</loc>");
  }
}
