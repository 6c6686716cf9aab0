package dev.newsroom.articles;

import dev.newsroom.images.NewsroomImage;
import dev.newsroom.shared.ValidationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns an editor's Markdown or HTML into the HTML we store and serve. The OWASP policy is the
 * only gate: no scripts, no event handlers, no styles, links to absolute https or mailto URLs
 * only, with {@code rel="noopener nofollow"}, images from absolute https URLs or Newsroom's own
 * image paths only, lazy-loaded, Newsroom's with {@code srcset} and their size.
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
      .allowAttributes("src").matching(BodySanitizer::isImageSource).onElements("img")
      .allowAttributes("alt", "width", "height").onElements("img")
      .allowAttributes("colspan", "rowspan").onElements("td", "th")
      .toFactory();

  private BodySanitizer() {}

  /** Newsroom images fill the article column: 44rem, less the page's padding on phones. */
  static final String SIZES = "(min-width: 47rem) 44rem, calc(100vw - 2.5rem)";
  private static final Pattern IMG = Pattern.compile("<img ([^>]*)>");
  private static final Pattern SRC = Pattern.compile("\\bsrc=\"([^\"]*)\"");
  private static final Pattern ALT = Pattern.compile("\\balt=\"([^\"]*)\"");
  private static final Pattern TITLE = Pattern.compile("\\btitle=\"([^\"]*)\"");

  public static String sanitize(String body, String format) {
    String html = "html".equals(format) ? body : RENDERER.render(MARKDOWN.parse(body));
    return lazyImages(responsiveImages(POLICY.sanitize(html))).strip();
  }

  private static boolean isImageSource(String url) {
    return isAbsoluteHttps(url) || NewsroomImage.isSitePath(url);
  }

  /**
   * Each Newsroom image gets every rendition in {@code srcset} and its intrinsic size, so the page
   * reserves its space before it loads; its alt text is required. Runs on the policy's output,
   * whose attributes are always double-quoted and escaped.
   */
  private static String responsiveImages(String safeHtml) {
    Matcher img = IMG.matcher(safeHtml);
    StringBuilder out = new StringBuilder();
    while (img.find()) {
      String attributes = img.group(1);
      Matcher src = SRC.matcher(attributes);
      NewsroomImage image = src.find() ? NewsroomImage.parse(src.group(1)).orElse(null) : null;
      if (image == null) {
        img.appendReplacement(out, Matcher.quoteReplacement(img.group()));
        continue;
      }
      Matcher alt = ALT.matcher(attributes);
      if (!alt.find() || alt.group(1).isBlank()) {
        throw new ValidationException("body", "Every image needs alt text: ![what it shows](" 
            + src.group(1) + ").");
      }
      Matcher title = TITLE.matcher(attributes);
      String tag = "<img src=\"" + image.src() + "\" srcset=\"" + image.srcset()
          + "\" sizes=\"" + SIZES + "\" alt=\"" + alt.group(1) + "\""
          + (title.find() ? " title=\"" + title.group(1) + "\"" : "")
          + " width=\"" + image.width() + "\" height=\"" + image.height() + "\" />";
      img.appendReplacement(out, Matcher.quoteReplacement(tag));
    }
    img.appendTail(out);
    return out.toString();
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
