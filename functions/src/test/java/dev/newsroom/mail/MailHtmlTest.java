package dev.newsroom.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailHtmlTest {

  @Test
  void escape_whenMarkupCharacters_replacesEachWithItsEntity() {
    assertThat(MailHtml.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  }

  @Test
  void escape_whenPlainText_leavesItAlone() {
    assertThat(MailHtml.escape("Grüße, 😀\nline two")).isEqualTo("Grüße, 😀\nline two");
  }
}
