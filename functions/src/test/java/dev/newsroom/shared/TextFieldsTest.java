package dev.newsroom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextFieldsTest {

  @Test
  void singleLine_whenAnyUnicodeLineOrParagraphSeparatorIsSent_refusesIt() {
    for (String breaker : new String[] {"\n", "\r", "\u000B", "\u000C", "\u0085", "\u2028",
        "\u2029"}) {
      assertThatThrownBy(() -> TextFields.singleLine("name", "Ada" + breaker + "Bcc: x", 100))
          .as("U+%04X", (int) breaker.charAt(0))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("name");
            assertThat(e.getMessage()).contains("line breaks");
          });
    }
  }

  @Test
  void singleLine_checksTheValueAsSentThenStripsIt() {
    assertThat(TextFields.singleLine("title", "  Ren\u00e9  ", 100)).isEqualTo("Ren\u00e9");
    assertThatThrownBy(() -> TextFields.singleLine("title", "Ada\t", 100))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> TextFields.singleLine("title", "a".repeat(10) + " ", 10))
        .isInstanceOf(ValidationException.class);
    assertThat(TextFields.singleLine("title", "\uD83D\uDE00".repeat(10), 10)).hasSize(20);
  }

  @Test
  void page_acceptsAPathOrAnHttpUrlAndNothingElse() {
    assertThat(TextFields.page("/news/a?b=1", null)).isEqualTo("/news/a?b=1");
    assertThat(TextFields.page("https://example.org/x", null)).isEqualTo("https://example.org/x");
    for (String bad : new String[] {"__main__", "ftp://x", "/a b", "/a\u0085", "/a\u2028",
        "/" + "a".repeat(500)}) {
      assertThatThrownBy(() -> TextFields.page(bad, null)).as(bad)
          .isInstanceOf(ValidationException.class);
    }
    assertThat(TextFields.page("", "not a page")).isNull();
  }
}
