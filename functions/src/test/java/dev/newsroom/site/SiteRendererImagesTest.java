package dev.newsroom.site;

import dev.newsroom.pages.SiteConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.articles.Article;
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
}
