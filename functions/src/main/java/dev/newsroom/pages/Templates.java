package dev.newsroom.pages;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.Map;

/**
 * The page templates, compiled once per container on first use (mustache, HTML-escaping every
 * {@code {{value}}}; only the sanitised article body and our own JSON-LD use triple braces).
 */
final class Templates {

  private Templates() {}

  static String render(String name, Map<String, Object> scope) {
    Mustache template = Compiled.TEMPLATES.get(name);
    if (template == null) {
      throw new IllegalArgumentException("no template " + name);
    }
    StringWriter out = new StringWriter(8192);
    template.execute(out, scope);
    return out.toString();
  }

  /** Holder idiom: the templates are parsed when the first page is rendered, and only then. */
  private static final class Compiled {
    static final Map<String, Mustache> TEMPLATES = compileAll();

    private static Map<String, Mustache> compileAll() {
      DefaultMustacheFactory factory = new DefaultMustacheFactory("site/templates");
      return Map.of(
          "article", factory.compile("article.mustache"),
          "listing", factory.compile("listing.mustache"),
          "contact", factory.compile("contact.mustache"),
          "about", factory.compile("about.mustache"),
          "privacy", factory.compile("privacy.mustache"),
          "message", factory.compile("message.mustache"),
          "preferences", factory.compile("preferences.mustache"),
          "feed", factory.compile("feed.mustache"),
          "sitemap", factory.compile("sitemap.mustache"),
          "sitemap-index", factory.compile("sitemap-index.mustache"));
    }
  }
}
