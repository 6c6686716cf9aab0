package dev.newsroom.site;

import dev.newsroom.pages.SiteConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.articles.Article;
import dev.newsroom.articles.BodySanitizer;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class SiteRendererImagesTest {

  private static final String HERO = "/images/AbCdEfGhIjKlMnOpQrStUv-1600x900/1600.jpg";
  private final SiteRenderer renderer =
      new SiteRenderer(new SiteConfig("https://news.example.com", "Newsroom"));

  @Test
  void articlePage_whenHeroIsNewsroomImage_thenSrcsetSizesAndIntrinsicSize() {
    Article a = Articles.seed();
    Article withHero = new Article(a.slug(), a.title(), a.summary(), a.bodyHtml(), a.author(),
        a.tags(), HERO, "Bombers over the desert", a.status(), a.publishedAt(), a.updatedAt(),
        "e", 1);

    String html = renderer.articlePage(withHero).text();

    String base = "/images/AbCdEfGhIjKlMnOpQrStUv-1600x900/";
    assertThat(html).contains("<img src=\"" + base + "1600.jpg\" srcset=\"" + base + "600.jpg "
        + "600w, " + base + "1000.jpg 1000w, " + base + "1600.jpg 1600w\" sizes=\""
        + "(min-width: 47rem) 44rem, calc(100vw - 2.5rem)\" alt=\"Bombers over the desert\" "
        + "width=\"1600\" height=\"900\"");
    // Link previews need the whole URL.
    assertThat(html).contains("<meta property=\"og:image\" content=\"https://news.example.com"
        + HERO + "\">");
  }

  @Test
  void feed_whenBodyHasNewsroomImages_thenTheirSourcesAreWholeUrls() {
    Article a = Articles.seed();
    String body = BodySanitizer.sanitize("Before.\n\n![A chart of the votes](" + HERO + ")\n\n"
        + "![An external one](https://img.example.com/x.jpg)", "markdown");
    Article withImage = new Article(a.slug(), a.title(), a.summary(), body, a.author(),
        a.tags(), null, null, a.status(), a.publishedAt(), a.updatedAt(), "e", 1);

    String content = Jsoup.parse(renderer.feed(List.of(withImage)).text(), "", Parser.xmlParser())
        .select("entry > content").first().wholeText();

    List<Element> images = Jsoup.parseBodyFragment(content).select("img");
    String base = "https://news.example.com/images/AbCdEfGhIjKlMnOpQrStUv-1600x900/";
    assertThat(images).hasSize(2);
    assertThat(images.get(0).attr("src")).isEqualTo(base + "1600.jpg");
    assertThat(images.get(0).attr("srcset")).isEqualTo(base + "600.jpg 600w, " + base
        + "1000.jpg 1000w, " + base + "1600.jpg 1600w");
    assertThat(images.get(0).attr("alt")).isEqualTo("A chart of the votes");
    assertThat(images.get(1).attr("src")).isEqualTo("https://img.example.com/x.jpg");
    assertThat(content).contains("Before.").doesNotContain("\"/images/");
  }

  @Test
  void feed_whenBodyHasNoNewsroomImage_thenTheBodyIsCarriedAsStored() {
    Article a = Articles.seed();

    String content = Jsoup.parse(renderer.feed(List.of(a)).text(), "", Parser.xmlParser())
        .select("entry > content").first().wholeText();

    assertThat(content).isEqualTo(a.bodyHtml());
  }
}
