package dev.newsroom.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bridge hands the handler the bytes API Gateway would, never a repaired copy. */
class HttpApiBridgeTest {

  private static final byte[] BAD_UTF8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};

  @Test
  void isText_whenATextTypedBodyIsNotUtf8_isFalseSoTheBodyGoesBase64Encoded() {
    assertThat(HttpApiBridge.isText("application/json", BAD_UTF8)).isFalse();
    assertThat(HttpApiBridge.isText("application/x-www-form-urlencoded", BAD_UTF8)).isFalse();
  }

  @Test
  void isText_followsTheContentTypeForUtf8Bodies() {
    byte[] json = "{\"a\":\"Ren\u00e9\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(HttpApiBridge.isText("application/json; charset=utf-8", json)).isTrue();
    assertThat(HttpApiBridge.isText("Text/Plain", json)).isTrue();
    assertThat(HttpApiBridge.isText("multipart/form-data; boundary=x", json)).isFalse();
    assertThat(HttpApiBridge.isText("image/png", json)).isFalse();
  }
}
