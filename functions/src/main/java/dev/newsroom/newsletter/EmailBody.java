package dev.newsroom.newsletter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * An article's stored HTML made fit for email: cleaned again (the body was sanitised when saved,
 * but an email is read in clients that forgive nothing), Newsroom's images as whole URLs on the
 * site's origin, other images only from absolute https URLs, none wider than the column, every
 * element styled inline (many clients drop {@code <style>}), and split into its top-level blocks
 * so a long body can be cut between two of them.
 */
final class EmailBody {

  /** One top-level block of the body, as HTML and as plain text. */
  record Block(String html, String text, int bytes) {

    static Block of(String html, String text) {
      return new Block(html, text, html.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  /** The content column's width in pixels, which images must not exceed (Outlook ignores CSS). */
  static final int COLUMN = 544;

  private static final Safelist SAFELIST = new Safelist()
      .addTags("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em",
          "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "cite", "q", "ul",
          "ol", "li", "dl", "dt", "dd", "figure", "figcaption", "table", "thead", "tbody",
          "tfoot", "tr", "th", "td", "caption", "a", "img")
      .addAttributes("a", "href", "title")
      .addAttributes("img", "src", "alt", "width", "height")
      .addAttributes("td", "colspan", "rowspan")
      .addAttributes("th", "colspan", "rowspan")
      .addProtocols("a", "href", "https", "mailto")
      // http only for the site's own images on a loopback origin (the dev server): fitImage
      // checks every source against EmailImages.allowed.
      .addProtocols("img", "src", "https", "http");

  private static final String TEXT = "font-family:Georgia,'Times New Roman',serif;"
      + "font-size:17px;line-height:1.6;color:#222222;";
  private static final Map<String, String> STYLES = Map.ofEntries(
      Map.entry("p", TEXT + "margin:0 0 16px"),
      Map.entry("h2", "font-family:Arial,Helvetica,sans-serif;font-size:22px;line-height:1.3;"
          + "color:#111111;margin:24px 0 12px"),
      Map.entry("h3", "font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.3;"
          + "color:#111111;margin:20px 0 10px"),
      Map.entry("h4", "font-family:Arial,Helvetica,sans-serif;font-size:17px;color:#111111;"
          + "margin:16px 0 8px"),
      Map.entry("h5", "font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#111111;"
          + "margin:16px 0 8px"),
      Map.entry("h6", "font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#111111;"
          + "margin:16px 0 8px"),
      Map.entry("ul", TEXT + "margin:0 0 16px;padding-left:24px"),
      Map.entry("ol", TEXT + "margin:0 0 16px;padding-left:24px"),
      Map.entry("li", "margin:0 0 6px"),
      Map.entry("blockquote", TEXT + "margin:0 0 16px;padding:0 0 0 16px;"
          + "border-left:3px solid #cccccc;color:#444444"),
      Map.entry("pre", "font-family:Menlo,Consolas,monospace;font-size:14px;line-height:1.45;"
          + "background:#f4f4f1;padding:12px;margin:0 0 16px;white-space:pre-wrap;"
          + "word-wrap:break-word"),
      Map.entry("code", "font-family:Menlo,Consolas,monospace;font-size:15px"),
      Map.entry("a", "color:#9b1c1c;text-decoration:underline"),
      Map.entry("hr", "border:0;border-top:1px solid #dddddd;margin:24px 0"),
      Map.entry("figure", "margin:0 0 16px"),
      Map.entry("figcaption", "font-family:Arial,Helvetica,sans-serif;font-size:13px;"
          + "color:#666666;margin:6px 0 0"),
      Map.entry("table", TEXT + "border-collapse:collapse;margin:0 0 16px;font-size:15px"),
      Map.entry("th", "border:1px solid #dddddd;padding:6px 8px;text-align:left"),
      Map.entry("td", "border:1px solid #dddddd;padding:6px 8px"),
      Map.entry("dl", TEXT + "margin:0 0 16px"),
      Map.entry("img", "display:block;max-width:100%;height:auto;border:0;outline:none"));

  private EmailBody() {}

  /** The body's top-level blocks, in order; stray inline content is wrapped in a paragraph. */
  static List<Block> blocks(String bodyHtml, EmailImages images) {
    Document dirty = Jsoup.parseBodyFragment(bodyHtml == null ? "" : bodyHtml);
    for (Element img : dirty.body().select("img[src]")) {
      img.attr("src", images.resolve(img.attr("src")));
    }
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    clean.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8)
        .escapeMode(Entities.EscapeMode.base);
    for (Element img : clean.body().select("img")) {
      fitImage(img, images);
    }
    for (Element a : clean.body().select("a")) {
      if (!a.hasAttr("href")) {
        a.unwrap();
      }
    }
    for (Element element : clean.body().getAllElements()) {
      String style = STYLES.get(element.normalName());
      if (style != null) {
        element.attr("style", style);
      }
    }
    List<Element> elements = new ArrayList<>();
    Element loose = null;
    for (Node node : new ArrayList<>(clean.body().childNodes())) {
      if (node instanceof Element element && element.isBlock()) {
        loose = null;
        elements.add(element);
      } else if (!(node instanceof TextNode text && text.isBlank())) {
        if (loose == null) {
          loose = new Element("p").attr("style", STYLES.get("p"));
          node.before(loose);
          elements.add(loose);
        }
        loose.appendChild(node);
      }
    }
    return elements.stream().map(e -> Block.of(e.outerHtml(), PlainText.of(e))).toList();
  }

  /**
   * Keeps an image only when the safelist left it a source (with no base URI, relative and
   * scheme-relative URLs cannot resolve and are dropped with the other protocols) that an email
   * may load, and no wider than the column; without a fitting width, Outlook shows an image at
   * its natural size and breaks the layout.
   */
  private static void fitImage(Element img, EmailImages images) {
    if (!img.hasAttr("src") || !images.allowed(img.attr("src"))) {
      img.remove();
      return;
    }
    int width = parse(img.attr("width"));
    if (width <= 0 || width > COLUMN) {
      img.attr("width", Integer.toString(COLUMN));
      img.removeAttr("height");
    }
    if (!img.hasAttr("alt")) {
      img.attr("alt", "");
    }
  }

  private static int parse(String number) {
    try {
      return Integer.parseInt(number.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
