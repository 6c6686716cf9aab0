package dev.newsroom.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * What in an HTML document could run script, found by a small tag scanner that respects quoted
 * attribute values (text that merely mentions "onerror=" is not a finding). Findings are counted
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
    int i = 0;
    int n = html.length();
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0 || lt + 1 >= n) {
        break;
      }
      int p = lt + 1;
      if (html.charAt(p) == '/') {
        p++;
      }
      int nameStart = p;
      while (p < n && (Character.isLetterOrDigit(html.charAt(p)) || html.charAt(p) == ':'
          || html.charAt(p) == '-')) {
        p++;
      }
      if (p == nameStart || !Character.isLetter(html.charAt(nameStart))) {
        i = lt + 1;
        continue;
      }
      String tag = html.substring(nameStart, p).toLowerCase(Locale.ROOT);
      boolean closing = html.charAt(lt + 1) == '/';
      if (!closing && ACTIVE_TAGS.contains(tag)) {
        found.merge("tag:" + tag, 1, Integer::sum);
      }
      // attributes until '>'
      while (p < n && html.charAt(p) != '>') {
        char c = html.charAt(p);
        if (Character.isWhitespace(c) || c == '/' || c == '"' || c == '\'') {
          p++;
          continue;
        }
        int attrStart = p;
        while (p < n && !Character.isWhitespace(html.charAt(p)) && html.charAt(p) != '='
            && html.charAt(p) != '>' && html.charAt(p) != '/') {
          p++;
        }
        String attr = html.substring(attrStart, p).toLowerCase(Locale.ROOT);
        while (p < n && Character.isWhitespace(html.charAt(p))) {
          p++;
        }
        String value = "";
        if (p < n && html.charAt(p) == '=') {
          p++;
          while (p < n && Character.isWhitespace(html.charAt(p))) {
            p++;
          }
          if (p < n && (html.charAt(p) == '"' || html.charAt(p) == '\'')) {
            char quote = html.charAt(p);
            int end = html.indexOf(quote, p + 1);
            end = end < 0 ? n : end;
            value = html.substring(p + 1, end);
            p = Math.min(n, end + 1);
          } else {
            int start = p;
            while (p < n && !Character.isWhitespace(html.charAt(p)) && html.charAt(p) != '>') {
              p++;
            }
            value = html.substring(start, p);
          }
        }
        if (closing) {
          continue;
        }
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
      i = p + 1;
    }
    return found;
  }

  /** javascript:, vbscript: or data:text/html, however encoded or padded. */
  static boolean dangerousUrl(String raw) {
    String decoded = decodeEntities(raw);
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

  private static String decodeEntities(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '&') {
        int semi = text.indexOf(';', i);
        int end = semi < 0 ? Math.min(text.length(), i + 10) : semi;
        String entity = text.substring(i + 1, end);
        try {
          if (entity.startsWith("#x") || entity.startsWith("#X")) {
            out.appendCodePoint(Integer.parseInt(entity.substring(2).replaceAll("[^0-9a-fA-F]",
                ""), 16));
            i = semi < 0 ? end - 1 : semi;
            continue;
          }
          if (entity.startsWith("#")) {
            out.appendCodePoint(Integer.parseInt(entity.substring(1).replaceAll("[^0-9]", "")));
            i = semi < 0 ? end - 1 : semi;
            continue;
          }
          if (entity.equalsIgnoreCase("colon")) {
            out.append(':');
            i = semi;
            continue;
          }
          if (entity.equalsIgnoreCase("tab") || entity.equalsIgnoreCase("newline")) {
            i = semi;
            continue;
          }
        } catch (RuntimeException notANumber) {
          // keep the text as it is
        }
      }
      out.append(c);
    }
    return out.toString();
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
