package dev.newsroom.articles;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns an editor's Markdown or HTML into the HTML we store and serve. The OWASP policy is the
 * only gate: no scripts, no event handlers, no styles, links to absolute https or mailto URLs
 * only, with {@code rel="noopener nofollow"}, images from absolute https URLs only and
 * lazy-loaded.
 */
public final class BodySanitizer {

  private static final Parser MARKDOWN = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

  private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
      .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
          "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "cite", "q",
          "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption",
          "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption")
      .allowElements("a")
      .allowAttributes("href").matching(BodySanitizer::isLinkTarget).onElements("a")
      .allowAttributes("title").globally()
      .allowUrlProtocols("https", "mailto")
      .requireRelsOnLinks("noopener", "nofollow")
      .allowElements("img")
      .allowAttributes("src").matching(BodySanitizer::isAbsoluteHttps).onElements("img")
      .allowAttributes("alt", "width", "height").onElements("img")
      .allowAttributes("colspan", "rowspan").onElements("td", "th")
      .toFactory();

  private BodySanitizer() {}

  public static String sanitize(String body, String format) {
    String html = "html".equals(format) ? body : RENDERER.render(MARKDOWN.parse(body));
    return lazyImages(POLICY.sanitize(html)).strip();
  }

  /**
   * The protocol list alone lets relative URLs through ({@code /x}, {@code x}); pages are also
   * served as feeds and emails, where those point nowhere, so only absolute URLs pass.
   */
  private static boolean isAbsoluteHttps(String url) {
    return url.regionMatches(true, 0, "https://", 0, 8) && url.length() > 8;
  }

  private static boolean isLinkTarget(String url) {
    return isAbsoluteHttps(url) || url.regionMatches(true, 0, "mailto:", 0, 7);
  }

  /** The policy cannot add attributes, so lazy-loading is added after it, on its own output. */
  private static String lazyImages(String safeHtml) {
    return safeHtml.replace("<img ", "<img loading=\"lazy\" ");
  }
}
