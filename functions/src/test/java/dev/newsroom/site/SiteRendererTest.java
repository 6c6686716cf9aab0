package dev.newsroom.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.articles.Article;
import dev.newsroom.articles.ArticleStatus;
import dev.newsroom.articles.ArticleSummary;
import dev.newsroom.pages.SiteConfig;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SiteRendererTest {

  private final SiteRenderer renderer =
      new SiteRenderer(new SiteConfig("https://news.example.com/", "Newsroom"));

  @Test
  void articlePage_whenSeedArticle_showsTheNewsPageInOrder() {
    // given the seed article
    Article seed = Articles.seed();

    // when its page is rendered
    SiteFile page = renderer.articlePage(seed);
    String html = page.text();

    // then it is the article's folder page, with the seed's parts in the seed's order
    assertThat(page.key()).isEqualTo("articles/" + seed.slug() + "/index.html");
    assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(page.cacheControl()).contains("s-maxage=30");
    assertThat(html).containsSubsequence(
        "<h1>US Bombers HIT Iran-Backed Militias HARD in Syria and Iraq After Deadly Drone Attack",
        "Decisive US air strikes target Iran-backed militias",
        "<time datetime=\"2024-02-03T12:00:00Z\">February 3, 2024</time>",
        "<p>The United States launched airstrikes",
        "Subscribe to our newsletter to be the first to know about our new videos and updates.",
        "Thank you! Your submission has been received!",
        "Oops! Something went wrong while submitting the form",
        "Do you want to</span> Contact Us?",
        ">Contact Form</a>");
  }

  @Test
  void articlePage_whenRendered_carriesMetadataAndNewsArticleJsonLd() throws Exception {
    Article seed = Articles.seed();

    String html = renderer.articlePage(seed).text();

    String canonical = "https://news.example.com/articles/" + seed.slug() + "/";
    assertThat(html)
        .contains("<title>US Bombers HIT Iran-Backed Militias HARD in Syria and Iraq After Deadly "
            + "Drone Attack | Newsroom</title>")
        .contains("<meta name=\"description\" content=\"Decisive US air strikes")
        .contains("<link rel=\"canonical\" href=\"" + canonical + "\">")
        .contains("<meta property=\"og:type\" content=\"article\">")
        .contains("<meta property=\"og:url\" content=\"" + canonical + "\">")
        .contains("<html lang=\"en\">", "<main id=\"main\"", "<nav aria-label=\"Main\">",
            "<label for=\"newsletter-email\">", "<script src=\"/static/forms.js\" defer>")
        .doesNotContain("<script>", "style=");
    JsonNode ld = new ObjectMapper().readTree(between(html,
        "<script type=\"application/ld+json\">", "</script>"));
    assertThat(ld.path("@type").asText()).isEqualTo("NewsArticle");
    assertThat(ld.path("headline").asText()).isEqualTo(seed.title());
    assertThat(ld.path("datePublished").asText()).isEqualTo("2024-02-03T12:00:00Z");
    assertThat(ld.path("mainEntityOfPage").asText()).isEqualTo(canonical);
    assertThat(ld.at("/author/0/name").asText()).isEqualTo("Newsroom Staff");
  }

  @Test
  void articlePage_whenTextHoldsMarkup_escapesItEverywhere() throws Exception {
    // given plain-text fields that try to break out of HTML and of the JSON-LD script
    Article evil = new Article("evil", "</script><script>alert(1)</script>", "\"quoted\" & <b>",
        "<p>safe body</p>", "A <i>B</i>", List.of("x"), null, null, ArticleStatus.PUBLISHED,
        Articles.SEED_TIME, Articles.SEED_TIME, "e", 1);

    // when rendered
    String html = renderer.articlePage(evil).text();

    // then no markup of theirs survives, and the JSON-LD still parses to the same text
    assertThat(html).doesNotContain("<script>alert", "<b>", "<i>B")
        .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&quot;quoted&quot; &amp; &lt;b&gt;");
    String ld = between(html, "<script type=\"application/ld+json\">", "</script>");
    assertThat(ld).doesNotContain("<", ">");
    assertThat(new ObjectMapper().readTree(ld).path("headline").asText())
        .isEqualTo("</script><script>alert(1)</script>");
  }

  @Test
  void articlePage_whenNoSummary_describesWithBodyText() {
    Article a = Articles.seed();
    Article bare = new Article(a.slug(), a.title(), "", "<p>Caf&#233; &amp; <em>bar</em></p>",
        a.author(), List.of(), null, null, a.status(), a.publishedAt(), a.updatedAt(), "e", 1);

    String html = renderer.articlePage(bare).text();

    assertThat(html).contains("<meta name=\"description\" content=\"Café &amp; bar\">")
        .doesNotContain("class=\"standfirst\"", "class=\"tags\"");
  }

  @Test
  void articlePage_whenHeroImage_setsSizeAndLoadsItFirstNotLazily() {
    Article a = Articles.seed();
    Article withHero = new Article(a.slug(), a.title(), a.summary(), a.bodyHtml(), a.author(),
        a.tags(), "https://img.example.com/a.jpg", "Bombers over the desert", a.status(),
        a.publishedAt(), a.updatedAt(), "e", 1);

    String html = renderer.articlePage(withHero).text();

    assertThat(html).contains("<img src=\"https://img.example.com/a.jpg\" alt=\"Bombers over the "
        + "desert\" width=\"1200\" height=\"675\" fetchpriority=\"high\">")
        .doesNotContain("loading=\"lazy\"")
        .contains("<meta property=\"og:image\" content=\"https://img.example.com/a.jpg\">");
  }

  @Test
  void homePage_whenArticles_listsThemNewestFirstAndLinksTheArchiveDayOfTheOldest() {
    // given ten articles, one an hour, newest first
    List<ArticleSummary> newest = new ArrayList<>();
    for (int i = 10; i >= 1; i--) {
      newest.add(ArticleSummary.of(Articles.published("a" + i,
          Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * i))));
    }

    SiteFile home = renderer.homePage(newest);

    assertThat(home.key()).isEqualTo("index.html");
    assertThat(home.text()).containsSubsequence("/articles/a10/", "/articles/a1/")
        .contains("<a rel=\"next\" href=\"/archive/2024/01/01/\">Archive &rarr;</a>")
        .contains("<link rel=\"canonical\" href=\"https://news.example.com/\">");
  }

  @Test
  void dayPage_whenNeighbours_linksTheNearestLaterAndEarlierDays() {
    List<ArticleSummary> day = List.of(ArticleSummary.of(Articles.seed()));

    SiteFile page = renderer.dayPage(LocalDate.parse("2024-02-03"), day,
        LocalDate.parse("2024-01-30"), LocalDate.parse("2024-02-07"));

    assertThat(page.key()).isEqualTo("archive/2024/02/03/index.html");
    assertThat(page.text()).contains("<h1>Archive: February 3, 2024</h1>",
        "<a rel=\"prev\" href=\"/archive/2024/02/07/\">&larr; February 7, 2024</a>",
        "<a rel=\"next\" href=\"/archive/2024/01/30/\">January 30, 2024 &rarr;</a>");
  }

  @Test
  void tagPages_whenRendered_useTagPathsAndLabel() {
    List<ArticleSummary> all = List.of(ArticleSummary.of(Articles.seed()));

    SiteFile first = renderer.tagPage("middle-east", all);
    SiteFile month = renderer.tagMonthPage("middle-east", YearMonth.parse("2024-02"), all, null,
        null);

    assertThat(first.key()).isEqualTo("tags/middle-east/index.html");
    assertThat(first.text()).contains("<h1>Middle East</h1>",
        "<title>Middle East | Newsroom</title>",
        "<a class=\"chip\" href=\"/tags/world/\">World</a>",
        "href=\"/tags/middle-east/2024/02/\"");
    assertThat(month.key()).isEqualTo("tags/middle-east/2024/02/index.html");
    assertThat(month.text()).contains("<h1>Middle East: February 2024</h1>")
        .doesNotContain("class=\"pager\"");
  }

  @Test
  void homePage_whenEmpty_saysSoWithoutPager() {
    assertThat(renderer.homePage(List.of()).text()).contains("No articles yet")
        .doesNotContain("class=\"pager\"");
  }

  @Test
  void feedAndSitemaps_whenRendered_areWellFormedXmlWithAbsoluteUrls() throws Exception {
    Article seed = Articles.seed();
    List<ArticleSummary> all = List.of(ArticleSummary.of(seed));

    SiteFile feed = renderer.feed(List.of(seed));
    SiteFile day = renderer.sitemapDay(LocalDate.parse("2024-02-03"), all);
    SiteFile pages = renderer.sitemapPages(List.of("world", "middle-east"));
    SiteFile index = renderer.sitemapIndex(List.of(day.key(), pages.key()));

    Document atom = xml(feed);
    assertThat(feed.contentType()).isEqualTo("application/atom+xml; charset=utf-8");
    assertThat(atom.getElementsByTagName("entry").getLength()).isEqualTo(1);
    assertThat(atom.getElementsByTagName("updated").item(0).getTextContent())
        .isEqualTo("2024-02-03T12:00:00Z");
    assertThat(xml(day).getElementsByTagName("loc").getLength()).isEqualTo(1);
    assertThat(day.text()).contains(
        "<loc>https://news.example.com/articles/" + seed.slug() + "/</loc>");
    assertThat(xml(pages).getElementsByTagName("loc").getLength()).isEqualTo(6);
    assertThat(pages.text()).contains("<loc>https://news.example.com/tags/middle-east/</loc>");
    assertThat(index.key()).isEqualTo("sitemap.xml");
    assertThat(xml(index).getElementsByTagName("sitemap").getLength()).isEqualTo(2);
    assertThat(index.text()).contains(
        "<loc>https://news.example.com/sitemaps/2024-02-03.xml</loc>");
  }

  @Test
  void feed_whenSummaryEmpty_stillCarriesTheFullContent() throws Exception {
    Article bare = Articles.withSummary(Articles.seed(), "");

    Document atom = xml(renderer.feed(List.of(bare)));

    assertThat(atom.getElementsByTagName("summary").getLength()).isZero();
    org.w3c.dom.Element content = (org.w3c.dom.Element) atom.getElementsByTagName("content")
        .item(0);
    assertThat(content.getAttribute("type")).isEqualTo("html");
    assertThat(content.getTextContent()).isEqualTo(bare.bodyHtml());
  }

  @Test
  void dates_whenNanosecondPrecision_keepAtMostThreeFractionDigits() {
    Article precise = Articles.published("precise", Instant.parse("2026-12-02T10:11:12.737828923Z"));

    String html = renderer.articlePage(precise).text();

    assertThat(html).contains("datetime=\"2026-12-02T10:11:12.737Z\"",
        "\"datePublished\":\"2026-12-02T10:11:12.737Z\"").doesNotContain("737828923");
  }

  @Test
  void fixedPages_whenRendered_includeFormsThankYouPagesAnd404() {
    Map<String, String> pages = new java.util.TreeMap<>();
    renderer.fixedPages().forEach(f -> pages.put(f.key(), f.text()));

    assertThat(pages).containsKeys("contact/index.html", "contact/thanks/index.html",
        "subscribe/thanks/index.html", "subscribe/confirmed/index.html",
        "subscribe/unsubscribed/index.html", "404.html", "robots.txt");
    assertThat(pages.get("contact/index.html")).contains("Contact Us?", "Contact Form",
        "action=\"/api/contact\" method=\"post\"", "<label for=\"contact-message\">",
        "name=\"website\"", "<textarea id=\"contact-message\" name=\"message\"");
    assertThat(pages.get("subscribe/thanks/index.html"))
        .contains("Thank you! Your submission has been received!", "noindex");
    assertThat(pages.get("robots.txt")).contains("Sitemap: https://news.example.com/sitemap.xml");
  }

  @Test
  void everyPage_whenRenderedTwice_isByteForByteTheSame() {
    Article seed = Articles.seed();

    assertThat(renderer.articlePage(seed).md5Hex())
        .isEqualTo(new SiteRenderer(new SiteConfig("https://news.example.com", "Newsroom"))
            .articlePage(seed).md5Hex());
  }

  private static Document xml(SiteFile file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(file.body()));
  }

  private static String between(String text, String start, String end) {
    Matcher m = Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end),
        Pattern.DOTALL).matcher(text);
    assertThat(m.find()).as("%s ... %s in page", start, end).isTrue();
    return m.group(1);
  }
}
