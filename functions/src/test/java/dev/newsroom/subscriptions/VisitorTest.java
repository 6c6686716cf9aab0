package dev.newsroom.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisitorTest {

  @Test
  void userAgent_whenAbsent_isEmpty() {
    assertThat(new Visitor("203.0.113.7", null).userAgent()).isEmpty();
  }

  @Test
  void userAgent_whenItHoldsControlCharacters_keepsTheRestTrimmed() {
    Visitor visitor = new Visitor("203.0.113.7", " Mozilla/5.0\u0000 (X11;\r\n Linux)\u007f ");

    assertThat(visitor.userAgent()).isEqualTo("Mozilla/5.0 (X11; Linux)");
    assertThat(visitor.ip()).isEqualTo("203.0.113.7");
  }

  @Test
  void userAgent_whenLong_keepsTheFirst512CodePoints() {
    String emoji = "\uD83D\uDE00";

    Visitor visitor = new Visitor("203.0.113.7", emoji.repeat(600));

    assertThat(visitor.userAgent()).isEqualTo(emoji.repeat(Visitor.MAX_USER_AGENT));
  }
}
