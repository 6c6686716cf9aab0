package dev.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodySanitizerTest {

  /** Every vector goes through both input formats: Markdown passes raw HTML through. */
  @ParameterizedTest
  @ValueSource(strings = {
      "<script>alert(1)</script>",
      "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
      "<img src=\"https://x.org/a.png\" onerror=\"alert(1)\">",
      "<p onclick=\"alert(1)\" onmouseover=alert(1)>hi</p>",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
      "<a href=\"&#106;avascript:alert(1)\">x</a>",
      "<a href=\" javascript:alert(1)\">x</a>",
      "<a href=\"vbscript:msgbox(1)\">x</a>",
      "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
      "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
      "<svg onload=alert(1)><circle r=\"1\"/></svg>",
      "<svg><script>alert(1)</script></svg>",
      "<math><mtext><script>alert(1)</script></mtext></math>",
      "<style>body{background:url(javascript:alert(1))}</style>",
      "<p style=\"background:url(javascript:alert(1))\">x</p>",
      "<iframe src=\"https://evil.example/\"></iframe>",
      "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
      "<object data=\"https://evil.example/x.swf\"></object>",
      "<embed src=\"https://evil.example/x.swf\">",
      "<form action=\"https://evil.example/\"><input name=q><button>go</button></form>",
      "<base href=\"https://evil.example/\">",
      "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
      "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
      "<div><p>x</p></div><template><script>alert(1)</script></template>",
      "<p title=\"&quot; onmouseover=&quot;alert(1)\">x</p>",
      "[click](javascript:alert(1))",
      "![x](javascript:alert(1))",
      "<<script>script>alert(1)<</script>/script>",
  })
  void sanitize_whenXssVector_leavesNothingExecutable(String vector) {
    for (String format : new String[] {"markdown", "html"}) {
      String html = BodySanitizer.sanitize("Intro\n\n" + vector + "\n\nOutro", format);
      String lower = html.toLowerCase(Locale.ROOT);

      assertThat(lower).as("%s as %s -> %s", vector, format, html)
          .doesNotContain("<script", "<svg", "<math", "<style", "<iframe", "<object", "<embed",
              "<form", "<input", "<base", "<meta", "<link", "<template", "style=", "srcdoc")
          .doesNotContainPattern("\\son[a-z]+\\s*=");
      assertThat(urls(html)).as("%s as %s -> %s", vector, format, html)
          .allMatch(url -> url.startsWith("https://") || url.startsWith("mailto:"));
      assertThat(html).contains("Intro").contains("Outro");
    }
  }

  /** Every URL in an href or src attribute, entities decoded as a browser would. */
  private static List<String> urls(String html) {
    Matcher m = Pattern.compile("(?i)\\s(?:href|src)\\s*=\\s*\"([^\"]*)\"").matcher(html);
    List<String> urls = new ArrayList<>();
    while (m.find()) {
      urls.add(m.group(1).replace("&#64;", "@").replace("&#61;", "=").replace("&amp;", "&"));
    }
    return urls;
  }

  @Test
  void sanitize_whenHttpsLink_keepsItWithNoopenerNofollow() {
    String html = BodySanitizer.sanitize("<p><a href=\"https://example.org/story\">story</a></p>",
        "html");

    assertThat(html).isEqualTo(
        "<p><a href=\"https://example.org/story\" rel=\"noopener nofollow\">story</a></p>");
  }

  @Test
  void sanitize_whenMarkdownLinks_keepsHttpsAndMailtoWithRels() {
    String html = BodySanitizer.sanitize(
        "Read [the story](https://example.org/s) or [write](mailto:desk@example.org).",
        "markdown");

    assertThat(html).isEqualTo("<p>Read <a href=\"https://example.org/s\""
        + " rel=\"noopener nofollow\">the story</a> or <a href=\"mailto:desk&#64;example.org\""
        + " rel=\"noopener nofollow\">write</a>.</p>");
  }

  @Test
  void sanitize_whenLinkAlreadyHasRel_stillGetsNoopenerNofollow() {
    String html = BodySanitizer.sanitize(
        "<a href=\"https://example.org/\" rel=\"external\" target=\"_blank\">x</a>", "html");

    assertThat(html).contains("rel=\"noopener nofollow\"").doesNotContain("target");
  }

  @Test
  void sanitize_whenMarkdownLinkSyntaxInHtmlBody_keepsItAsInertText() {
    String html = BodySanitizer.sanitize("[x](javascript:alert(1))", "html");

    assertThat(html).isEqualTo("[x](javascript:alert(1))").doesNotContain("<", "href");
  }

  @Test
  void sanitize_whenHttpLink_dropsTheLinkButKeepsItsText() {
    String html = BodySanitizer.sanitize("See [this](http://example.org/plain).", "markdown");

    assertThat(html).isEqualTo("<p>See this.</p>");
  }

  @Test
  void sanitize_whenRelativeOrProtocolRelativeLink_dropsIt() {
    String html = BodySanitizer.sanitize(
        "<p><a href=\"//evil.example/x\">a</a> <a href=\"/local\">b</a></p>", "html");

    assertThat(html).doesNotContain("href");
  }

  @Test
  void sanitize_whenHttpsImage_keepsItLazyLoadedWithAlt() {
    String html = BodySanitizer.sanitize("![A harbour](https://cdn.example.org/h.jpg)",
        "markdown");

    assertThat(html).isEqualTo(
        "<p><img loading=\"lazy\" src=\"https://cdn.example.org/h.jpg\" alt=\"A harbour\" /></p>");
  }

  @Test
  void sanitize_whenRelativeImage_dropsIt() {
    String html = BodySanitizer.sanitize("<p>x<img src=\"x.png\"><img src=\"/y.png\"></p>",
        "html");

    assertThat(html).isEqualTo("<p>x</p>");
  }

  @Test
  void sanitize_whenHttpImage_dropsIt() {
    String html = BodySanitizer.sanitize("<p>x<img src=\"http://cdn.example.org/h.jpg\"></p>",
        "html");

    assertThat(html).isEqualTo("<p>x</p>");
  }

  @Test
  void sanitize_whenMarkdown_rendersStructureAndEscapesText() {
    String html = BodySanitizer.sanitize("## Heading\n\n*a* **b** `c < d`\n\n- one\n- two\n\n"
        + "> quote", "markdown");

    assertThat(html).isEqualTo("<h2>Heading</h2>\n<p><em>a</em> <strong>b</strong> "
        + "<code>c &lt; d</code></p>\n<ul><li>one</li><li>two</li></ul>\n"
        + "<blockquote>\n<p>quote</p>\n</blockquote>");
  }

  @Test
  void sanitize_whenHtmlFormat_doesNotReadMarkdown() {
    String html = BodySanitizer.sanitize("<p>*not emphasis*</p>", "html");

    assertThat(html).isEqualTo("<p>*not emphasis*</p>");
  }

  @Test
  void sanitize_whenTextMentionsTags_escapesThemInsteadOfRunningThem() {
    String html = BodySanitizer.sanitize("<p>Write &lt;img src=x&gt; to show an image</p>",
        "html");

    assertThat(html).isEqualTo("<p>Write &lt;img src&#61;x&gt; to show an image</p>");
  }
}
