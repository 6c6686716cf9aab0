package dev.newsroom.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What in an HTML document could run script, found by parsing it as a browser would (jsoup's
 * HTML5 parser: text that merely mentions "onerror=" is not a finding). Findings are counted
 * by kind, so a page can be compared with the same page kind rendered from harmless content: any
 * finding a payload adds is an injection.
 */
final class HtmlScan {

  /** Elements that run script, load active content, or change where the page or forms go. */
  static final Set<String> ACTIVE_TAGS = Set.of("script", "iframe", "frame", "frameset",
      "object", "embed", "applet", "svg", "math", "style", "base", "form", "meta", "link",
      "input", "button", "textarea", "select", "template", "noscript", "xmp", "plaintext",
      "isindex", "portal", "video", "audio", "source", "marquee", "details", "body", "html",
      "head", "title");
  private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action",
      "formaction", "data", "background", "poster", "xlink:href", "dynsrc", "lowsrc", "cite",
      "codebase", "srcset", "content");

  private HtmlScan() {}

  /** Kind of finding to how often it occurs, e.g. {@code tag:script=1}, {@code attr:on*=0}. */
  static TreeMap<String, Integer> findings(String html) {
    TreeMap<String, Integer> found = new TreeMap<>();
    for (Element element : Jsoup.parse(html).getAllElements()) {
      if (ACTIVE_TAGS.contains(element.normalName())) {
        found.merge("tag:" + element.normalName(), 1, Integer::sum);
      }
      for (Attribute attribute : element.attributes()) {
        String attr = attribute.getKey().toLowerCase(Locale.ROOT);
        String value = attribute.getValue();
        if (attr.startsWith("on")) {
          found.merge("attr:on*", 1, Integer::sum);
        }
        if (attr.equals("style") && (value.toLowerCase(Locale.ROOT).contains("expression")
            || value.toLowerCase(Locale.ROOT).contains("url("))) {
          found.merge("attr:style-active", 1, Integer::sum);
        }
        if (attr.equals("srcdoc") || attr.equals("http-equiv")) {
          found.merge("attr:" + attr, 1, Integer::sum);
        }
        if (URL_ATTRIBUTES.contains(attr) && dangerousUrl(value)) {
          found.merge("url:script", 1, Integer::sum);
        }
      }
    }
    return found;
  }

  /**
   * javascript:, vbscript: or data:text/html, however padded. The value is decoded: jsoup
   * decodes entities in what it parses, and {@link Parser#unescapeEntities} decodes what a
   * browser's DOM hands over, as the browser would.
   */
  static boolean dangerousUrl(String raw) {
    String decoded = Parser.unescapeEntities(raw, true);
    StringBuilder compact = new StringBuilder();
    for (char c : decoded.toCharArray()) {
      if (c > ' ' && c != '\u007f') {
        compact.append(Character.toLowerCase(c));
      }
    }
    String url = compact.toString();
    return url.startsWith("javascript:") || url.startsWith("vbscript:")
        || url.startsWith("data:text/html") || url.startsWith("data:image/svg")
        || url.startsWith("livescript:");
  }

  /** Findings in {@code page} that its harmless counterpart {@code baseline} does not have. */
  static List<String> added(TreeMap<String, Integer> baseline, TreeMap<String, Integer> page) {
    List<String> extra = new ArrayList<>();
    page.forEach((kind, count) -> {
      int allowed = baseline.getOrDefault(kind, 0);
      if (count > allowed) {
        extra.add(kind + " " + allowed + "->" + count);
      }
    });
    return extra;
  }
}
