package dev.newsroom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escape_whenMarkupCharacters_replacesEachWithItsEntity() {
    assertThat(Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  }

  @Test
  void escape_whenPlainText_leavesItAlone() {
    assertThat(Html.escape("Grüße, 😀\nline two")).isEqualTo("Grüße, 😀\nline two");
  }
}
