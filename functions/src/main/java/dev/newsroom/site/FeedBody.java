package dev.newsroom.site;

import dev.newsroom.images.NewsroomImage;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An article's body as the Atom feed carries it. The stored body refers to Newsroom's images by
 * site path, which a feed reader resolves against nothing it can rely on (few honour
 * {@code xml:base}), so their {@code src} and {@code srcset} become whole URLs on the site's
 * origin. Everything else in the body is absolute already (the sanitiser admits nothing else).
 */
final class FeedBody {

  private FeedBody() {}

  static String of(String bodyHtml, String origin) {
    if (bodyHtml == null) {
      return null;
    }
    Document doc = Jsoup.parseBodyFragment(bodyHtml);
    boolean changed = false;
    for (Element img : doc.body().select("img[src]")) {
      NewsroomImage image = NewsroomImage.parse(img.attr("src"))
          .filter(i -> i.origin().isEmpty()).orElse(null);
      if (image != null) {
        NewsroomImage placed = image.at(origin);
        img.attr("src", origin + img.attr("src"));
        if (img.hasAttr("srcset")) {
          img.attr("srcset", placed.srcset());
        }
        changed = true;
      }
    }
    if (!changed) {
      // The body as stored, byte for byte: re-serialising would only churn the feed.
      return bodyHtml;
    }
    doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
    return doc.body().html();
  }
}
