package dev.newsroom.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.articles.Article;
import dev.newsroom.articles.ArticleSummary;
import dev.newsroom.images.Renditions;
import dev.newsroom.pages.SiteConfig;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every page type's sharing tags (canonical, Open Graph, Twitter card), and every article's
 * JSON-LD {@code NewsArticle} checked against Google's Article rich-result properties: a headline
 * of at most 110 characters, images as absolute URLs of at least 50,000 pixels, ISO 8601 dates,
 * authors with a name, a publisher with a name and a logo.
 */
class StructuredDataTest {

  private static final String ORIGIN = "https://news.example.com";
  private static final SiteConfig SITE = new SiteConfig(ORIGIN, "Daily Planet");
  private static final SiteRenderer RENDERER = new SiteRenderer(SITE);
  private static final String NEWSROOM_HERO =
      "/images/AbCdEfGhIjKlMnOpQrStUv-1600x900/1600.jpg";
  private static final Pattern RENDITION = Pattern.compile(
      "/images/[A-Za-z0-9_-]{22}-(\\d+)x(\\d+)/(\\d+)\\.(jpg|png)$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyPage_whenParsed_hasAbsoluteCanonicalOpenGraphAndTwitterCard() {
    SoftAssertions soft = new SoftAssertions();
    pages().forEach((name, html) -> {
      Document page = Jsoup.parse(html);
      String canonical = page.select("link[rel=canonical]").attr("href");
      soft.assertThat(page.select("link[rel=canonical]")).as("%s: one canonical", name).hasSize(1);
      soft.assertThat(canonical).as("%s: canonical", name).startsWith(ORIGIN + "/");
      soft.assertThat(meta(page, "og:url")).as("%s: og:url", name).isEqualTo(canonical);
      soft.assertThat(meta(page, "og:title")).as("%s: og:title", name).isNotBlank();
      soft.assertThat(meta(page, "og:description")).as("%s: og:description", name).isNotBlank();
      soft.assertThat(meta(page, "og:site_name")).as("%s", name).isEqualTo("Daily Planet");
      soft.assertThat(meta(page, "og:type")).as("%s: og:type", name).isIn("article", "website");
      String image = meta(page, "og:image");
      soft.assertThat(absolute(image)).as("%s: og:image %s is absolute", name, image).isTrue();
      String card = page.select("meta[name=twitter:card]").attr("content");
      soft.assertThat(card).as("%s: twitter:card", name)
          .isEqualTo(image.equals(SITE.logo()) ? "summary" : "summary_large_image");
      soft.assertThat(page.select("script[type=application/ld+json]").size())
          .as("%s: JSON-LD only on articles", name).isEqualTo(name.startsWith("article") ? 1 : 0);
    });
    soft.assertAll();
  }

  @Test
  void everyArticle_whenJsonLdParsed_meetsGooglesArticleProperties() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (Map.Entry<String, String> entry : pages().entrySet()) {
      if (!entry.getKey().startsWith("article")) {
        continue;
      }
      String name = entry.getKey();
      Document page = Jsoup.parse(entry.getValue());
      JsonNode ld = JSON.readTree(page.select("script[type=application/ld+json]").first().data());

      soft.assertThat(ld.path("@context").asText()).as(name).isEqualTo("https://schema.org");
      soft.assertThat(ld.path("@type").asText()).as(name).isEqualTo("NewsArticle");
      String headline = ld.path("headline").asText();
      soft.assertThat(headline).as("%s: headline", name).isNotBlank();
      soft.assertThat(headline.length()).as("%s: headline length", name).isLessThanOrEqualTo(110);
      soft.assertThat(ld.path("mainEntityOfPage").asText()).as(name)
          .isEqualTo(page.select("link[rel=canonical]").attr("href"));
      for (String field : List.of("datePublished", "dateModified")) {
        soft.assertThat(isIso8601(ld.path(field).asText())).as("%s: %s %s", name, field,
            ld.path(field)).isTrue();
      }
      for (JsonNode image : ld.path("image")) {
        soft.assertThat(absolute(image.asText())).as("%s: image %s", name, image).isTrue();
        soft.assertThat(pixels(image.asText())).as("%s: pixels of %s", name, image)
            .isGreaterThanOrEqualTo(50_000);
      }
      soft.assertThat(ld.path("author").isArray() && !ld.path("author").isEmpty()).as(name)
          .isTrue();
      for (JsonNode author : ld.path("author")) {
        soft.assertThat(author.path("@type").asText()).as(name).isIn("Person", "Organization");
        soft.assertThat(author.path("name").asText()).as("%s: author name", name).isNotBlank();
        if (author.has("url")) {
          soft.assertThat(absolute(author.path("url").asText())).as(name).isTrue();
        }
      }
      JsonNode publisher = ld.path("publisher");
      soft.assertThat(publisher.path("@type").asText()).as(name).isEqualTo("Organization");
      soft.assertThat(publisher.path("name").asText()).as(name).isEqualTo("Daily Planet");
      soft.assertThat(publisher.path("url").asText()).as(name).isEqualTo(ORIGIN + "/");
      soft.assertThat(publisher.at("/logo/url").asText()).as(name).isEqualTo(SITE.logo());
      soft.assertThat(publisher.at("/logo/width").asInt()).as(name).isEqualTo(SiteConfig.LOGO_SIZE);
      soft.assertThat(publisher.at("/logo/height").asInt()).as(name)
          .isEqualTo(SiteConfig.LOGO_SIZE);
    }
    soft.assertAll();
  }

  @Test
  void articleJsonLd_whenHeroIsNewsroomImage_listsEveryRenditionLargestFirst() throws Exception {
    JsonNode ld = jsonLd(withHero(Articles.seed(), NEWSROOM_HERO));

    String base = ORIGIN + "/images/AbCdEfGhIjKlMnOpQrStUv-1600x900/";
    List<String> images = new ArrayList<>();
    ld.path("image").forEach(i -> images.add(i.asText()));
    assertThat(images).containsExactly(base + "1600.jpg", base + "1000.jpg", base + "600.jpg");
  }

  @Test
  void articleJsonLd_whenTitleLongerThan110_clipsTheHeadlineAtAWord() throws Exception {
    String title = "Word ".repeat(40).strip();

    String headline = jsonLd(Articles.withTitle(Articles.seed(), title)).path("headline")
        .asText();

    assertThat(headline).hasSizeLessThanOrEqualTo(110).endsWith("Word\u2026");
    assertThat(title).startsWith(headline.substring(0, headline.length() - 1));
  }

  @Test
  void publisherLogo_whenRead_isTheSquarePngTheJsonLdDeclares() throws Exception {
    BufferedImage logo = ImageIO.read(Path.of("..", "site", SiteConfig.LOGO_PATH).toFile());

    assertThat(logo).isNotNull();
    assertThat(logo.getWidth()).isEqualTo(SiteConfig.LOGO_SIZE);
    assertThat(logo.getHeight()).isEqualTo(SiteConfig.LOGO_SIZE);
  }

  private static JsonNode jsonLd(Article article) throws Exception {
    return JSON.readTree(Jsoup.parse(RENDERER.articlePage(article).text())
        .select("script[type=application/ld+json]").first().data());
  }

  /** Every page type, articles named "article, ...". */
  private static Map<String, String> pages() {
    Map<String, String> pages = new LinkedHashMap<>();
    Article seed = Articles.seed();
    List<ArticleSummary> newest = List.of(ArticleSummary.of(withHero(seed, NEWSROOM_HERO)),
        ArticleSummary.of(Articles.published("other", Articles.SEED_TIME.minusSeconds(60),
            "world")));
    pages.put("article, no hero", RENDERER.articlePage(seed).text());
    pages.put("article, Newsroom hero",
        RENDERER.articlePage(withHero(seed, NEWSROOM_HERO)).text());
    pages.put("article, external hero",
        RENDERER.articlePage(withHero(seed, "https://img.example.org/a.jpg")).text());
    pages.put("article, 200-character title", RENDERER.articlePage(
        Articles.withTitle(seed, "A very long headline ".repeat(10).strip())).text());
    pages.put("article, nanosecond time", RENDERER.articlePage(Articles.published("precise",
        java.time.Instant.parse("2026-12-02T10:11:12.737828923Z"), "world")).text());
    pages.put("home", RENDERER.homePage(newest).text());
    pages.put("home, empty", RENDERER.homePage(List.of()).text());
    pages.put("archive day", RENDERER.dayPage(LocalDate.parse("2024-02-03"), newest, null,
        null).text());
    pages.put("tag", RENDERER.tagPage("world", newest).text());
    pages.put("tag month", RENDERER.tagMonthPage("world", YearMonth.parse("2024-02"), newest,
        null, null).text());
    for (SiteFile file : RENDERER.fixedPages()) {
      if (file.contentType().equals(SiteFile.HTML)) {
        pages.put(file.key(), file.text());
      }
    }
    assertThat(pages).containsKeys("contact/index.html", "about/index.html",
        "privacy/index.html", "404.html");
    return pages;
  }

  private static Article withHero(Article a, String url) {
    return new Article(a.slug(), a.title(), a.summary(), a.bodyHtml(), a.author(), a.tags(),
        url, "A picture", a.status(), a.publishedAt(), a.updatedAt(), a.editorId(), a.version());
  }

  private static String meta(Document page, String property) {
    Element meta = page.selectFirst("meta[property=" + property + "]");
    return meta == null ? "" : meta.attr("content");
  }

  private static boolean absolute(String url) {
    try {
      URI uri = new URI(url);
      return uri.isAbsolute() && uri.getScheme().equals("https") && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean isIso8601(String value) {
    try {
      OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** A Newsroom rendition's size from its URL; an external image's is not known here. */
  private static long pixels(String url) {
    Matcher m = RENDITION.matcher(url);
    if (!m.find()) {
      return Long.MAX_VALUE;
    }
    int width = Integer.parseInt(m.group(3));
    return (long) width * Renditions.height(width, Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)));
  }
}
