package dev.newsroom.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.mail.EmailMessage;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.shared.MutableClock;
import dev.newsroom.shared.ValidationException;
import dev.newsroom.subscriptions.LinkSigner;
import dev.newsroom.subscriptions.SubscriberIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

class NewsletterRendererTest {

  static final String SITE = "https://news.example.com";
  static final byte[] KEY = "0123456789abcdef0123456789abcdef-test-key".getBytes(
      StandardCharsets.UTF_8);
  static final String EMAIL = "ada@example.org";
  static final String ID = SubscriberIds.of(EmailAddress.parse(EMAIL));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
  private final LinkSigner signer = new LinkSigner(() -> KEY.clone());
  private final NewsletterRenderer renderer =
      new NewsletterRenderer(SITE, "Newsroom", signer, clock);

  static NewsletterArticle article(String slug, String bodyHtml) {
    return new NewsletterArticle(slug, "Title of " + slug, "Summary of " + slug, null,
        "https://img.example.com/" + slug + ".jpg", "A picture", bodyHtml);
  }

  static NewsletterContent single(String bodyHtml) {
    return new NewsletterContent("The subject", "The preheader",
        List.of(article("river-floods", bodyHtml)));
  }

  private static String link(String text, String path) {
    Matcher m = Pattern.compile(Pattern.quote(SITE + path) + "\\?token=([A-Za-z0-9_.-]+)")
        .matcher(text);
    assertThat(m.find()).as("a link to " + path).isTrue();
    return m.group(1);
  }

  private static int bytes(String html) {
    return html.getBytes(StandardCharsets.UTF_8).length;
  }

  // ---------------------------------------------------------------- one recipient's email

  @Test
  void render_whenSubscriber_isANewsletterToThemWithBothPartsAndTheArticleLink() {
    EmailMessage mail = renderer.render(single("<p>First paragraph.</p>"), ID, EMAIL);

    assertThat(mail.kind()).isEqualTo("newsletter");
    assertThat(mail.to()).isEqualTo(EMAIL);
    assertThat(mail.subject()).isEqualTo("The subject");
    String articleUrl = SITE + "/articles/river-floods/";
    assertThat(Jsoup.parse(mail.html()).select("a[href=" + articleUrl + "]")).isNotEmpty();
    assertThat(mail.html()).contains("First paragraph.");
    assertThat(mail.text()).contains("Title of river-floods", articleUrl, "First paragraph.",
        "Read on the site: " + articleUrl);
  }

  @Test
  void render_carriesTheRfc8058HeadersWithThePersonalUnsubscribeLink() {
    EmailMessage mail = renderer.render(single("<p>x</p>"), ID, EMAIL);

    assertThat(mail.headers()).containsEntry("List-Unsubscribe-Post",
        "List-Unsubscribe=One-Click");
    String header = mail.headers().get("List-Unsubscribe");
    assertThat(header).startsWith("<" + SITE + "/api/subscriptions/unsubscribe?token=")
        .endsWith(">");
    String token = link(header, "/api/subscriptions/unsubscribe");
    assertThat(signer.verify(LinkSigner.Purpose.UNSUBSCRIBE, token, clock.now())).contains(ID);
    // the same link in the footer of both parts
    assertThat(link(mail.html(), "/api/subscriptions/unsubscribe")).isEqualTo(token);
    assertThat(link(mail.text(), "/api/subscriptions/unsubscribe")).isEqualTo(token);
  }

  @Test
  void render_preferencesLinkIsSignedForThatPurposeOnlyAndExpiresAfterAYear() {
    EmailMessage mail = renderer.render(single("<p>x</p>"), ID, EMAIL);

    String token = link(mail.html(), "/api/subscriptions/preferences");
    assertThat(link(mail.text(), "/api/subscriptions/preferences")).isEqualTo(token);
    assertThat(signer.verify(LinkSigner.Purpose.PREFERENCES, token, clock.now())).contains(ID);
    assertThat(signer.verify(LinkSigner.Purpose.UNSUBSCRIBE, token, clock.now())).isEmpty();
    assertThat(signer.verify(LinkSigner.Purpose.ERASE, token, clock.now())).isEmpty();
    String unsubscribe = link(mail.html(), "/api/subscriptions/unsubscribe");
    assertThat(signer.verify(LinkSigner.Purpose.PREFERENCES, unsubscribe, clock.now()))
        .isEmpty();
    Instant later = clock.now().plus(Duration.ofDays(365));
    assertThat(signer.verify(LinkSigner.Purpose.PREFERENCES, token, later.minusSeconds(1)))
        .contains(ID);
    assertThat(signer.verify(LinkSigner.Purpose.PREFERENCES, token, later)).isEmpty();
  }

  @Test
  void renderTest_always_isMarkedInKindSubjectAndBody() {
    EmailMessage mail = renderer.renderTest(single("<p>x</p>"), EMAIL);

    assertThat(mail.kind()).isEqualTo("newsletter-test");
    assertThat(mail.subject()).isEqualTo("[Test] The subject");
    assertThat(mail.html()).contains("Test send: subscribers did not get this email");
    assertThat(mail.text()).startsWith("[TEST SEND:");
  }

  @Test
  void renderTest_always_carriesNoSignedLinkAndNoListUnsubscribe() {
    EmailMessage mail = renderer.renderTest(single("<p>x</p>"), EMAIL);

    assertThat(mail.headers()).isEmpty();
    assertThat(mail.html()).doesNotContain("token=");
    assertThat(mail.text()).doesNotContain("token=").contains("(your own link in each email)");
  }

  // ---------------------------------------------------------------- HTML that clients read

  @Test
  void render_parsesAsHtmlWithThePreheaderAsTheFirstTextAndNoStyleElement() {
    EmailMessage mail = renderer.render(single("<p>Body text.</p>"), ID, EMAIL);

    Document doc = Jsoup.parse(mail.html());
    assertThat(doc.title()).isEqualTo("The subject");
    Element first = doc.body().child(0);
    assertThat(first.hasClass("preheader")).isTrue();
    assertThat(first.attr("style")).contains("display:none").contains("max-height:0");
    assertThat(first.text()).startsWith("The preheader");
    assertThat(firstText(doc)).isEqualTo("The preheader");
    assertThat(doc.select("style, link, script")).isEmpty();
    assertThat(doc.select("p, h1, a, img").stream().allMatch(e -> e.hasAttr("style")))
        .isTrue();
  }

  @Test
  void render_whenNoPreheaderGiven_usesTheSummaryNeverTheBody() {
    NewsletterContent content = new NewsletterContent("S", " ",
        List.of(article("river-floods", "<p>Body text.</p>")));

    Document doc = Jsoup.parse(renderer.preview(content).html());

    assertThat(firstText(doc)).isEqualTo("Summary of river-floods");
  }

  @Test
  void render_escapesEveryDynamicText() {
    String evil = "<script>alert(1)</script>\"'&<img src=x onerror=alert(2)>";
    NewsletterRenderer named = new NewsletterRenderer(SITE, "News " + evil, signer, clock);
    NewsletterContent content = new NewsletterContent("Subject " + evil, "Pre " + evil,
        List.of(new NewsletterArticle("slug", "Title " + evil, "Summary " + evil, null,
            "https://img.example.com/a.jpg", "Alt " + evil, "<p>ok</p>")));

    EmailMessage mail = named.render(content, ID, EMAIL);

    Document doc = Jsoup.parse(mail.html());
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("img[onerror], img[src=x]")).isEmpty();
    assertThat(doc.title()).isEqualTo("Subject " + evil);
    assertThat(doc.select("h1").text()).isEqualTo("Title " + evil);
    assertThat(doc.select("img").first().attr("alt")).isEqualTo("Alt " + evil);
    assertThat(doc.text()).contains("Summary " + evil, "News " + evil, "Pre " + evil);
  }

  @Test
  void render_keepsOnlyAbsoluteHttpsImages() {
    String body = "<p><img src=\"https://img.example.com/ok.png\" alt=\"ok\"></p>"
        + "<p><img src=\"http://img.example.com/plain.png\"></p>"
        + "<p><img src=\"//img.example.com/scheme-relative.png\"></p>"
        + "<p><img src=\"/relative.png\"><img src=\"relative.png\"></p>"
        + "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\"></p>"
        + "<p><img src=\"javascript:alert(1)\"><img src=\"cid:part1\"><img></p>"
        + "<p><img srcset=\"https://img.example.com/set.png 2x\"></p>"
        + "<p><img src=\"https:///no-host.png\"><img src=\"https://\"></p>";
    NewsletterContent content = new NewsletterContent("S", "P", List.of(
        new NewsletterArticle("a", "T", "S", null, "http://img.example.com/hero.jpg", "", body),
        new NewsletterArticle("b", "T", "S", null, "/hero.jpg", "", null)));

    EmailMessage mail = renderer.render(content, ID, EMAIL);

    List<String> sources = Jsoup.parse(mail.html()).select("img").eachAttr("src");
    assertThat(Jsoup.parse(mail.html()).select("img")).hasSize(1);
    assertThat(sources).containsExactly("https://img.example.com/ok.png");
    assertThat(mail.html()).doesNotContain("srcset", "data:", "javascript:");
  }

  @Test
  void render_whenNewsroomImages_thenWholeUrlsOnTheSiteAtTheEmailRendition() {
    String big = "/images/AbCdEfGhIjKlMnOpQrStUv-2000x1500/";
    String small = "/images/ZyXwVuTsRqPoNmLkJiHgFe-800x600/";
    // as BodySanitizer stores them: site paths, srcset, intrinsic size
    String body = "<p><img src=\"" + big + "2000.jpg\" srcset=\"" + big + "600.jpg 600w, " + big
        + "2000.jpg 2000w\" alt=\"A chart\" width=\"2000\" height=\"1500\" /></p>"
        + "<p><img src=\"" + small + "800.jpg\" alt=\"A map\" width=\"800\" height=\"600\" />"
        + "</p>";
    NewsletterContent content = new NewsletterContent("S", "P", List.of(new NewsletterArticle(
        "a", "T", "S", null, big + "1600.jpg", "The hero", body)));

    Document doc = Jsoup.parse(renderer.render(content, ID, EMAIL).html());

    assertThat(doc.select("img").eachAttr("src")).containsExactly(
        SITE + big + "1000.jpg", SITE + big + "1000.jpg", SITE + small + "800.jpg");
    assertThat(doc.select("img").eachAttr("alt")).containsExactly("The hero", "A chart", "A map");
    assertThat(doc.select("img").eachAttr("width")).containsOnly("544");
    assertThat(doc.html()).doesNotContain("srcset");
  }

  @Test
  void render_whenTheSiteIsTheDevServer_thenItsOwnImagesShowAndOtherHttpDoesNot() {
    String path = "/images/AbCdEfGhIjKlMnOpQrStUv-1200x800/1200.jpg";
    String origin = "http://127.0.0.1:8080";
    NewsletterRenderer local = new NewsletterRenderer(origin + "/", "N", signer, clock);
    String body = "<p><img src=\"" + path + "\" alt=\"Ours\"></p>"
        + "<p><img src=\"http://img.example.com/plain.png\" alt=\"Theirs\"></p>"
        + "<p><img src=\"http://127.0.0.1:8080/not-an-image-path.png\" alt=\"Other\"></p>";
    NewsletterContent content = new NewsletterContent("S", "P", List.of(new NewsletterArticle(
        "a", "T", "S", null, "http://127.0.0.1:9999" + path, "Hero", body)));

    Document doc = Jsoup.parse(local.render(content, ID, EMAIL).html());

    assertThat(doc.select("img").eachAttr("src")).containsExactly(
        origin + "/images/AbCdEfGhIjKlMnOpQrStUv-1200x800/1000.jpg");
  }

  @Test
  void render_fitsWideImagesToTheColumnAndCleansTheBody() {
    String body = "<p><img src=\"https://img.example.com/wide.png\" width=\"2000\" "
        + "height=\"1000\"></p><p onclick=\"x()\" style=\"position:fixed\">Hi "
        + "<a href=\"https://example.org/\" onclick=\"x()\">there</a>"
        + " <a href=\"javascript:alert(1)\">bad</a></p><iframe src=\"https://e.com\"></iframe>";

    Document doc = Jsoup.parse(renderer.render(single(body), ID, EMAIL).html());

    Element img = doc.select("img[src=https://img.example.com/wide.png]").first();
    assertThat(img.attr("width")).isEqualTo("544");
    assertThat(img.hasAttr("height")).isFalse();
    assertThat(doc.select("[onclick], iframe")).isEmpty();
    assertThat(doc.select("a[href^=javascript]")).isEmpty();
    assertThat(doc.text()).contains("Hi there bad");
    assertThat(doc.html()).doesNotContain("position:fixed");
  }

  // ---------------------------------------------------------------- size

  @Test
  void render_whenTheBodyWouldPassTheLimit_cutsItBetweenBlocksAndLinksToTheArticle() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      body.append("<p>Paragraph ").append(i).append(" of a very long article, with words.</p>");
    }

    EmailMessage mail = renderer.render(single(body.toString()), ID, EMAIL);

    assertThat(bytes(mail.html())).isLessThanOrEqualTo(NewsletterRenderer.MAX_HTML_BYTES);
    Document doc = Jsoup.parse(mail.html());
    List<String> kept = doc.select("p").eachText().stream()
        .filter(t -> t.startsWith("Paragraph ")).toList();
    assertThat(kept).hasSizeBetween(500, 2999);
    for (int i = 0; i < kept.size(); i++) {
      assertThat(kept.get(i)).isEqualTo("Paragraph " + i + " of a very long article, with words.");
    }
    String url = SITE + "/articles/river-floods/";
    assertThat(doc.select("a[href=" + url + "]").eachText())
        .contains("Continue reading on the site \u2192");
    assertThat(mail.text()).contains("Continue reading on the site: " + url)
        .contains("Paragraph " + (kept.size() - 1) + " ")
        .doesNotContain("Paragraph " + kept.size() + " ");
    // the footer survived the cut
    assertThat(link(mail.html(), "/api/subscriptions/unsubscribe")).isNotEmpty();
  }

  @Test
  void render_whenTheBodyFits_showsItWholeWithoutACut() {
    EmailMessage mail = renderer.render(single("<p>Short.</p><h2>Part</h2><p>End.</p>"), ID,
        EMAIL);

    assertThat(mail.html()).doesNotContain("Continue reading").contains("Read on the site");
    assertThat(mail.text()).contains("Short.", "Part", "End.");
  }

  @Test
  void render_whenADigestHasMoreArticlesThanFit_listsWhatFitsAndCountsTheRest() {
    List<NewsletterArticle> articles = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      articles.add(new NewsletterArticle("article-" + i, "Title " + i, "x".repeat(300), null,
          "https://img.example.com/" + i + ".jpg", "alt", null));
    }

    EmailMessage mail = renderer.render(new NewsletterContent("Digest", "P", articles), ID,
        EMAIL);

    assertThat(bytes(mail.html())).isLessThanOrEqualTo(NewsletterRenderer.MAX_HTML_BYTES);
    int shown = Jsoup.parse(mail.html()).select("h2").size();
    assertThat(shown).isBetween(10, 399);
    assertThat(mail.html()).contains((400 - shown) + " more articles on Newsroom");
    assertThat(mail.text()).contains((400 - shown) + " more articles on Newsroom: " + SITE + "/");
  }

  @Test
  void preview_andEveryRecipient_showTheSameCut() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      body.append("<p>Paragraph ").append(i).append(".</p>");
    }
    NewsletterContent content = single(body.toString());

    RenderedNewsletter preview = renderer.preview(content);
    EmailMessage mail = renderer.render(content, ID, EMAIL);

    assertThat(Jsoup.parse(preview.html()).select("p").eachText())
        .containsExactlyElementsOf(Jsoup.parse(mail.html()).select("p").eachText().stream()
            .filter(t -> !t.contains("You receive this email")).toList());
  }

  // ---------------------------------------------------------------- preview and text

  @Test
  void preview_carriesNoPersonalLinkAndSignsNothing() {
    NewsletterRenderer keyless = new NewsletterRenderer(SITE, "Newsroom",
        new LinkSigner(() -> {
          throw new AssertionError("the preview must not need the link key");
        }), clock);

    RenderedNewsletter preview = keyless.preview(single("<p>Body.</p>"));

    assertThat(preview.subject()).isEqualTo("The subject");
    assertThat(preview.html()).doesNotContain("token=").contains("Body.");
    assertThat(preview.text()).doesNotContain("token=").contains("Body.");
  }

  @Test
  void text_isPlainWithLinksSpelledOut() {
    String body = "<p>See <a href=\"https://example.org/report\">the report</a>.</p>"
        + "<ul><li>One</li><li>Two</li></ul><pre>  code\n    indented</pre>"
        + "<p><img src=\"https://img.example.com/c.png\" alt=\"A chart\"></p>";

    String text = renderer.render(single(body), ID, EMAIL).text();

    assertThat(text).contains("See the report (https://example.org/report).", "- One\n- Two",
        "  code\n    indented", "[A chart]");
    assertThat(text).doesNotContain("<p", "<a", "&amp;", "&nbsp;");
  }

  // ---------------------------------------------------------------- subject and wiring

  @Test
  void requireSubject_refusesLineBreaksOfEveryKindControlCharactersBlankAndOverLong() {
    for (String bad : List.of("a\rb", "a\nb", "a\u2028b", "a\u2029b", "a\u0085b", "a\u0000b",
        "a\tb", " ", "x".repeat(201))) {
      assertThatThrownBy(() -> NewsletterRenderer.requireSubject(bad)).as(bad)
          .isInstanceOf(ValidationException.class)
          .hasFieldOrPropertyWithValue("field", "subject");
      assertThatThrownBy(() -> renderer.render(new NewsletterContent(bad, "p",
          List.of(article("a", null))), ID, EMAIL)).as(bad)
          .isInstanceOf(ValidationException.class);
    }
    assertThat(NewsletterRenderer.requireSubject("  Caf\u00e9 \uD83D\uDCF0 news ")).isEqualTo(
        "Caf\u00e9 \uD83D\uDCF0 news");
  }

  @Test
  void constructor_whenTheSiteUrlIsNotAbsoluteHttps_refuses() {
    for (String bad : List.of("news.example.com", "/", "http://news.example.com",
        "javascript:alert(1)", "https://")) {
      assertThatThrownBy(() -> new NewsletterRenderer(bad, "N", signer, clock)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    // the dev server's own origin works
    assertThat(new NewsletterRenderer("http://127.0.0.1:8080/", "N", signer, clock)
        .render(single("<p>x</p>"), ID, EMAIL).headers().get("List-Unsubscribe"))
        .startsWith("<http://127.0.0.1:8080/api/subscriptions/unsubscribe?token=");
  }

  /** The first non-blank text in document order. */
  private static String firstText(Document doc) {
    List<String> texts = new ArrayList<>();
    NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
      if (node instanceof TextNode t && !t.isBlank() && texts.isEmpty()) {
        texts.add(t.text().strip());
      }
    }, doc.body());
    return texts.get(0).replaceAll("[\\u200c\\u00a0\\s]+$", "");
  }
}
