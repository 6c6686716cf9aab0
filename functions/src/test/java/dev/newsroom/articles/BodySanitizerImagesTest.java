package dev.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.shared.ValidationException;
import org.junit.jupiter.api.Test;

class BodySanitizerImagesTest {

  private static final String BASE = "/images/AbCdEfGhIjKlMnOpQrStUv-1000x750/";

  @Test
  void sanitize_whenNewsroomImage_thenSrcsetSizesWidthHeight() {
    String html = BodySanitizer.sanitize("![A harbour at dawn](" + BASE + "600.jpg)", "markdown");

    assertThat(html).contains("<img loading=\"lazy\" src=\"" + BASE + "1000.jpg\" srcset=\""
        + BASE + "600.jpg 600w, " + BASE + "1000.jpg 1000w\" sizes=\"" + BodySanitizer.SIZES
        + "\" alt=\"A harbour at dawn\" width=\"1000\" height=\"750\" />");
  }

  @Test
  void sanitize_whenNewsroomImageWithoutAlt_thenRefused() {
    assertThatThrownBy(() -> BodySanitizer.sanitize("![](" + BASE + "600.jpg)", "markdown"))
        .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("body");
  }

  @Test
  void sanitize_whenExternalOrOtherRelativeImage_thenAsBefore() {
    assertThat(BodySanitizer.sanitize("![x](https://cdn.example.com/a.jpg)", "markdown"))
        .contains("<img loading=\"lazy\" src=\"https://cdn.example.com/a.jpg\" alt=\"x\" />");
    assertThat(BodySanitizer.sanitize("![x](/static/a.jpg)", "markdown"))
        .doesNotContain("src=");
  }

  @Test
  void sanitize_whenEditorWritesSrcsetThemselves_thenDropped() {
    String html = BodySanitizer.sanitize("<img src=\"https://cdn.example.com/a.jpg\" alt=\"x\" "
        + "srcset=\"javascript:alert(1) 1w\">", "html");

    assertThat(html).doesNotContain("srcset").doesNotContain("javascript");
  }
}
