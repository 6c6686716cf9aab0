package dev.newsroom.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.articles.Article;
import dev.newsroom.articles.ArticleSummary;
import dev.newsroom.pages.Layout;
import dev.newsroom.pages.MessagePage;
import dev.newsroom.pages.SiteConfig;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Every page type the site serves passes the Nu HTML Checker (the validator behind
 * validator.w3.org/nu, run in process from its Maven Central jar, schemas included, offline) with
 * zero errors: home (with articles and empty), archive day, tag first page and month, article
 * with and without a hero image and with a nanosecond publication time, contact, about,
 * privacy (default and configured), the thank-you
 * and subscription result pages, a subscription page with its token form and one asking for an
 * email address, and 404.
 */
class SiteHtmlValidityTest {

  private static final SiteConfig SITE = new SiteConfig("https://news.example.com", "Newsroom");
  private static final SiteRenderer RENDERER = new SiteRenderer(SITE);
  private static final Layout LAYOUT = new Layout(SITE);
  private static SimpleDocumentValidator validator;
  private static final List<String> errors = new ArrayList<>();

  @BeforeAll
  static void loadChecker() throws Exception {
    ErrorHandler collect = new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {
        // warnings (e.g. advice) are not failures
      }

      @Override
      public void error(SAXParseException e) {
        errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    };
    validator = new SimpleDocumentValidator(true, false, false);
    validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
    validator.setUpValidatorAndParsers(collect, false, false);
  }

  @Test
  void everyPageType_whenChecked_hasNoErrors() throws Exception {
    Map<String, String> pages = new LinkedHashMap<>();
    List<ArticleSummary> newest = new ArrayList<>();
    for (int i = 10; i >= 1; i--) {
      Article a = Articles.published("story-" + i, Articles.SEED_TIME.plusSeconds(3600L * i),
          "world", "middle-east");
      newest.add(ArticleSummary.of(i % 2 == 0 ? withHero(a) : a));
    }
    pages.put("home", RENDERER.homePage(newest).text());
    pages.put("home, empty", RENDERER.homePage(List.of()).text());
    pages.put("archive day", RENDERER.dayPage(LocalDate.parse("2024-02-03"), newest,
        LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-05")).text());
    pages.put("tag", RENDERER.tagPage("middle-east", newest).text());
    pages.put("tag month", RENDERER.tagMonthPage("world", YearMonth.parse("2024-02"), newest,
        YearMonth.parse("2024-01"), null).text());
    pages.put("article with hero", RENDERER.articlePage(withHero(Articles.seed())).text());
    pages.put("article without hero", RENDERER.articlePage(Articles.seed()).text());
    pages.put("article, nanosecond time", RENDERER.articlePage(Articles.published("precise",
        Instant.parse("2026-12-02T10:11:12.737828923Z"), "world")).text());
    for (SiteFile file : RENDERER.fixedPages()) {
      if (file.contentType().equals(SiteFile.HTML)) {
        pages.put(file.key(), file.text());
      }
    }
    for (SiteFile file : new SiteRenderer(new SiteConfig("https://news.example.com", "Newsroom",
        "We cover the city.\n\nSince 2020.", "privacy@news.example.com", 30)).fixedPages()) {
      if (file.key().equals("about/index.html") || file.key().equals("privacy/index.html")) {
        pages.put(file.key() + ", configured", file.text());
      }
    }
    pages.put("subscription confirm (token form)", LAYOUT.message(new MessagePage(
        "/api/subscriptions/confirm", "Confirm your subscription", "One click confirms it.",
        "Confirm your subscription", List.of("Press the button to confirm."),
        new MessagePage.Form("/api/subscriptions/confirm", Map.of("token", "abc.def"),
            "Confirm"))));
    pages.put("data request (email form)", LAYOUT.message(new MessagePage(
        "/api/subscriptions/data-requests", "Your data", "Ask for your data.", "Your data",
        List.of("We send a link to the address."), new MessagePage.Form(
            "/api/subscriptions/data-requests", Map.of(), "Send the link", "Email address"))));

    Map<String, List<String>> found = new LinkedHashMap<>();
    for (Map.Entry<String, String> page : pages.entrySet()) {
      errors.clear();
      validator.checkHtmlInputSource(new InputSource(new ByteArrayInputStream(
          page.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
      if (!errors.isEmpty()) {
        found.put(page.getKey(), List.copyOf(errors));
      }
    }

    assertThat(pages).hasSizeGreaterThanOrEqualTo(20);
    assertThat(found).as("Nu HTML Checker errors by page").isEmpty();
  }

  @Test
  void checker_whenPageHasSixFractionDigits_reportsIt() throws Exception {
    // the checker itself refuses what the renderer no longer writes
    String page = RENDERER.articlePage(Articles.seed()).text()
        .replace("datetime=\"2024-02-03T12:00:00Z\"", "datetime=\"2024-02-03T12:00:00.737828Z\"");
    errors.clear();

    validator.checkHtmlInputSource(new InputSource(new ByteArrayInputStream(
        page.getBytes(java.nio.charset.StandardCharsets.UTF_8))));

    assertThat(errors).isNotEmpty();
  }

  private static Article withHero(Article a) {
    return new Article(a.slug(), a.title(), a.summary(), a.bodyHtml(), a.author(), a.tags(),
        "https://img.example.com/" + a.slug() + ".jpg", "A picture for " + a.slug(), a.status(),
        a.publishedAt(), a.updatedAt(), a.editorId(), a.version());
  }
}
