package dev.newsroom.images;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewsroomImageTest {

  private static final String ID = "AbCdEfGhIjKlMnOpQrStUv";

  @Test
  void parse_whenSitePath_thenSrcsetOverEveryWidth() {
    NewsroomImage image = NewsroomImage.parse("/images/" + ID + "-2000x1333/600.jpg").orElseThrow();

    assertThat(image.width()).isEqualTo(2000);
    assertThat(image.height()).isEqualTo(1333);
    assertThat(image.src()).isEqualTo("/images/" + ID + "-2000x1333/2000.jpg");
    assertThat(image.srcset()).isEqualTo("/images/" + ID + "-2000x1333/600.jpg 600w, "
        + "/images/" + ID + "-2000x1333/1000.jpg 1000w, /images/" + ID + "-2000x1333/1600.jpg "
        + "1600w, /images/" + ID + "-2000x1333/2000.jpg 2000w");
  }

  @Test
  void parse_whenAbsoluteUrl_thenOriginKept() {
    NewsroomImage image = NewsroomImage.parse("https://news.example/images/" + ID
        + "-800x600/800.png").orElseThrow();

    assertThat(image.srcset()).isEqualTo("https://news.example/images/" + ID
        + "-800x600/600.png 600w, https://news.example/images/" + ID + "-800x600/800.png 800w");
  }

  @Test
  void parse_whenExternalOrImpossible_thenEmpty() {
    assertThat(NewsroomImage.parse("https://cdn.example.com/photo.jpg")).isEmpty();
    // A width the largest rendition cannot have: not one of ours.
    assertThat(NewsroomImage.parse("/images/" + ID + "-800x600/1000.jpg")).isEmpty();
    assertThat(NewsroomImage.parse("/images/" + ID + "-800x600/800.svg")).isEmpty();
    assertThat(NewsroomImage.parse("/images/short-800x600/800.jpg")).isEmpty();
  }
}
