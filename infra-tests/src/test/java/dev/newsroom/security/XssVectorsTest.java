package dev.newsroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.infra.Answers;
import dev.newsroom.infra.ApiCall;
import dev.newsroom.infra.Emulators;
import dev.newsroom.infra.SuiteReport;
import dev.newsroom.shared.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The kept XSS vectors (OWASP's XSS filter evasion cheat sheet and its usual descendants) in every
 * text field of an article, in both body formats: each is refused, or neutralised in the API's
 * answer, in every page the publisher writes, and in the feed and sitemap.
 */
class XssVectorsTest {

  /** From the OWASP XSS Filter Evasion Cheat Sheet, plus markdown and feed-specific breaks. */
  static final List<String> PAYLOADS = List.of(
      "<script>alert('XSS')</script>",
      "<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>",
      "<IMG SRC=\"javascript:alert('XSS');\">",
      "<IMG SRC=javascript:alert('XSS')>",
      "<IMG SRC=JaVaScRiPt:alert('XSS')>",
      "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
      "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
      "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
      "<IMG SRC=# onmouseover=\"alert('xxs')\">",
      "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
      "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114"
          + "&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116"
          + "&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
      "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;"
          + "&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
      "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72"
          + "&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
      "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
      "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
      "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
      "<SCRIPT/XSS SRC=\"https://xss.rocks/xss.js\"></SCRIPT>",
      "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
      "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
      "<SCRIPT SRC=https://xss.rocks/xss.js?< B >",
      "<iframe src=https://xss.rocks/scriptlet.html <",
      "\\\";alert('XSS');//",
      "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
      "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
      "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
      "<IMG DYNSRC=\"javascript:alert('XSS')\">",
      "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
      "<svg/onload=alert('XSS')>",
      "<BR SIZE=\"&{alert('XSS')}\">",
      "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
      "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
      "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
      "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
      "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
      "<DIV STYLE=\"width: expression(alert('XSS'));\">",
      "<BASE HREF=\"javascript:alert('XSS');//\">",
      "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"https://xss.rocks/scriptlet.html\"></OBJECT>",
      "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAv"
          + "c3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3Ln"
          + "czLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjA"
          + "wIiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjw"
          + "vc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<a href=\"jAvAsCrIpT&colon;alert(1)\">x</a>",
      "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
      "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
      "<form action=\"javascript:alert(1)\"><input type=submit>",
      "<details open ontoggle=alert(1)>",
      "\"><img src=x onerror=alert(1)>",
      "'><svg onload=alert(1)>",
      "</script><script>alert(1)</script>",
      "]]><script>alert(1)</script>",
      "&lt;script&gt;alert(1)&lt;/script&gt;",
      "[click](javascript:alert(1))",
      "![img](javascript:alert(1))",
      "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
      "<img src=\"https://example.org/a.png\" srcset=\"javascript:alert(1)\">");

  private static final Set<String> FEED_ELEMENTS = Set.of("feed", "title", "link", "id",
      "updated", "entry", "published", "author", "name", "category", "summary", "content");
  private static final Set<String> SITEMAP_ELEMENTS = Set.of("urlset", "url", "loc", "lastmod",
      "changefreq", "priority", "sitemapindex", "sitemap");

  private final Emulators world = Emulators.shared();

  @Test
  void xssPayloads_inEveryArticleField_areRefusedOrNeutralisedInApiPagesAndFeed()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    world.editorKey();
    world.healAll();
    var publisher = world.driver("SitePublisherFunction");

    // given the site as a harmless article renders it: what its pages legitimately contain
    publishArticle("xss-" + run + "-baseline", benign(), "markdown");
    publisher.drain();
    TreeMap<String, Integer> pageBaseline = new TreeMap<>();
    for (String key : world.siteKeys()) {
      if (key.endsWith(".html")) {
        HtmlScan.findings(world.siteObject(key))
            .forEach((k, v) -> pageBaseline.merge(k, v, Math::max));
      }
    }
    JsonNode baselineApi = Answers.body(getPublic("xss-" + run + "-baseline"));
    TreeMap<String, Integer> bodyBaseline = HtmlScan.findings(
        baselineApi.path("bodyHtml").asText());

    // when every payload goes into every text field, in HTML and in Markdown bodies
    int tried = 0;
    int refusedFields = 0;
    List<String> slugs = new ArrayList<>();
    for (int i = 0; i < PAYLOADS.size(); i++) {
      for (String format : List.of("html", "markdown")) {
        String slug = "xss-" + run + "-" + i + "-" + format;
        ObjectNode article = withPayload(PAYLOADS.get(i));
        refusedFields += publishArticle(slug, article, format);
        tried += 5;
        slugs.add(slug);

        // then the API's answer carries no active content in the body it serves
        APIGatewayV2HTTPResponse api = getPublic(slug);
        assertThat(api.getStatusCode()).isEqualTo(200);
        assertThat(Answers.header(api, "content-type")).startsWith("application/json");
        assertThat(HtmlScan.added(bodyBaseline,
            HtmlScan.findings(Answers.body(api).path("bodyHtml").asText())))
            .as("API bodyHtml for payload %d (%s)", i, format).isEmpty();
      }
    }
    publisher.drain();

    // and no page, nor the feed or sitemap, gained anything that runs
    List<String> keys = world.siteKeys();
    for (String slug : slugs) {
      assertThat(keys).as("page of %s", slug).anyMatch(k -> k.contains(slug));
    }
    for (String key : keys) {
      if (key.endsWith(".html")) {
        assertThat(HtmlScan.added(pageBaseline, HtmlScan.findings(world.siteObject(key))))
            .as("active content added to %s", key).isEmpty();
      } else if (key.equals("feed.xml")) {
        assertOnlyElements(world.siteObject(key), FEED_ELEMENTS);
      } else if (key.equals("sitemap.xml") || key.startsWith("sitemaps/")) {
        assertOnlyElements(world.siteObject(key), SITEMAP_ELEMENTS);
      }
    }
    SuiteReport.count("vectors: XSS payload x field x format", tried);
    SuiteReport.count("vectors: XSS fields refused (control characters)", refusedFields);
  }

  /** A well-formed document of the expected elements only, with no event attributes. */
  private static void assertOnlyElements(String xml, Set<String> allowed) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var document = factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    NodeList all = document.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      assertThat(allowed).as("element <%s> in a feed", element.getTagName())
          .contains(element.getTagName());
      for (int a = 0; a < element.getAttributes().getLength(); a++) {
        String name = element.getAttributes().item(a).getNodeName();
        assertThat(name.toLowerCase()).doesNotStartWith("on");
        assertThat(HtmlScan.dangerousUrl(element.getAttributes().item(a).getNodeValue()))
            .isFalse();
      }
    }
  }

  private static ObjectNode benign() {
    ObjectNode a = Json.mapper().createObjectNode();
    a.put("title", "A plain title");
    a.put("summary", "A plain summary.");
    a.put("author", "Plain Author");
    a.put("body", "Text with a [link](https://example.org/) and ![an image](https://example.org/i.png)."
        + "\n\n> quote\n\n* list");
    a.putArray("tags").add("xss");
    a.putObject("heroImage").put("url", "https://example.org/hero.png").put("alt", "Hero");
    return a;
  }

  private static ObjectNode withPayload(String payload) {
    ObjectNode a = benign();
    a.put("title", payload);
    a.put("summary", payload);
    a.put("author", payload);
    a.put("body", payload);
    ((ObjectNode) a.get("heroImage")).put("alt", payload);
    return a;
  }

  /**
   * Creates and publishes; a field the API refuses is replaced by harmless text (refusal is one of
   * the two acceptable outcomes). Returns how many fields were refused.
   */
  private int publishArticle(String slug, ObjectNode article, String format) {
    article.put("bodyFormat", format);
    int refused = 0;
    for (int attempt = 0; attempt < 8; attempt++) {
      APIGatewayV2HTTPResponse put = ApiCall.to("PUT", "/api/admin/articles/{slug}")
          .path("slug", slug).bearer(world.editorKey()).json(article.toString()).invoke();
      if (put.getStatusCode() == 201 || put.getStatusCode() == 200) {
        APIGatewayV2HTTPResponse published = ApiCall.to("POST",
            "/api/admin/articles/{slug}/publish").path("slug", slug).bearer(world.editorKey())
            .invoke();
        assertThat(published.getStatusCode()).as(published.getBody()).isEqualTo(200);
        return refused;
      }
      assertThat(put.getStatusCode()).as("PUT %s: %s", slug, put.getBody()).isEqualTo(400);
      assertThat(Answers.isJsonError(put)).isTrue();
      String field = Answers.body(put).at("/error/field").asText();
      refused++;
      if (field.equals("heroImage.alt")) {
        ((ObjectNode) article.get("heroImage")).put("alt", "Hero");
      } else if (article.has(field)) {
        article.put(field, field.equals("body") ? "Harmless body." : "Harmless");
      } else {
        throw new AssertionError("refused without a field to blame: " + put.getBody());
      }
    }
    throw new AssertionError("never accepted: " + slug);
  }

  private APIGatewayV2HTTPResponse getPublic(String slug) {
    return ApiCall.to("GET", "/api/articles/{slug}").path("slug", slug).invoke();
  }
}
