package dev.newsroom.cli.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownImagesTest {

  private static final String NEW = "/images/AbCdEfGhIjKlMnOpQrStUv-800x600/600.jpg";

  @Test
  void isLocal_whenGivenLinks_tellsFilesFromUrlsAndSitePaths() {
    assertThat(MarkdownImages.isLocal("./photo.jpg")).isTrue();
    assertThat(MarkdownImages.isLocal("photos/quay.png")).isTrue();
    assertThat(MarkdownImages.isLocal("../shared/logo.gif")).isTrue();
    assertThat(MarkdownImages.isLocal("https://example.org/a.jpg")).isFalse();
    assertThat(MarkdownImages.isLocal("data:image/png;base64,AAAA")).isFalse();
    assertThat(MarkdownImages.isLocal("/images/x-1x1/600.jpg")).isFalse();
    assertThat(MarkdownImages.isLocal("#top")).isFalse();
  }

  @Test
  void images_whenAnExampleIsInCode_findsOnlyRealImagesWithTheirAlt() {
    String body = """
        ![The *quay* at dawn](./quay.jpg)

            ![not an image](./code.jpg)

        `![inline code](./code2.jpg)`
        """;

    assertThat(MarkdownImages.images(body)).containsExactly(
        new MarkdownImages.ImageLink("./quay.jpg", "The quay at dawn"));
  }

  @Test
  void rewrite_whenLinksAreInline_replacesOnlyTheLinksAndKeepsEverythingElse() {
    String body = "Intro with ./quay.jpg in text.\n\n"
        + "![quay](./quay.jpg \"./quay.jpg at dawn\") and ![ext](https://x.org/a.jpg)\n\n"
        + "    ![code](./quay.jpg)\n";

    String rewritten = MarkdownImages.rewrite(body, Map.of("./quay.jpg", NEW));

    assertThat(rewritten).isEqualTo("Intro with ./quay.jpg in text.\n\n"
        + "![quay](" + NEW + " \"./quay.jpg at dawn\") and ![ext](https://x.org/a.jpg)\n\n"
        + "    ![code](./quay.jpg)\n");
  }

  @Test
  void rewrite_whenTheImageIsReferenceStyle_rewritesTheDefinition() {
    String body = "![The quay][quay] twice: ![again][quay]\n\n[quay]: ./quay.jpg \"Quay\"\n";

    String rewritten = MarkdownImages.rewrite(body, Map.of("./quay.jpg", NEW));

    assertThat(rewritten).isEqualTo(
        "![The quay][quay] twice: ![again][quay]\n\n[quay]: " + NEW + " \"Quay\"\n");
  }

  @Test
  void rewrite_whenTheLinkIsWrittenInAngleBracketsOverTwoLines_findsIt() {
    String body = "![A long\nalt text](<./my quay.jpg>)\n";

    assertThat(MarkdownImages.rewrite(body, Map.of("./my quay.jpg", NEW)))
        .isEqualTo("![A long\nalt text](<" + NEW + ">)\n");
  }

  @Test
  void rewrite_whenTheLinkIsEscaped_refusesRatherThanLeaveALocalPath() {
    String body = "![quay](./my\\_quay.jpg)\n";

    assertThatThrownBy(() -> MarkdownImages.rewrite(body, Map.of("./my_quay.jpg", NEW)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write it plainly");
  }
}
