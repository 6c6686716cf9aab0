package dev.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The one encoding rule of docs/api-input.md, through both readers the handlers use (JsonBody
 * for typed JSON, FormFields for JSON and forms), so that every route applies it alike.
 */
class Utf8BodyTest {

  private static final Set<String> FIELDS = Set.of("name");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  record Named(String name) {}

  @Test
  void read_whenTheBodyStartsWithAByteOrderMark_refusesInvalidEncoding() {
    byte[] json = concat(BOM, "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8));
    byte[] form = concat(BOM, "name=a".getBytes(StandardCharsets.UTF_8));

    assertEveryReaderRefuses("application/json", json);
    assertFormRefuses(form);
  }

  @Test
  void read_whenTheBodyIsUtf16WithoutBom_refusesInvalidEncoding() {
    assertEveryReaderRefuses("application/json",
        "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_16LE));
    assertEveryReaderRefuses("application/json",
        "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_16BE));
    assertFormRefuses("name=a".getBytes(StandardCharsets.UTF_16LE));
  }

  @Test
  void read_whenTheCharsetIsNotUtf8_refusesInvalidEncoding() {
    byte[] json = "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8);

    assertEveryReaderRefuses("application/json; charset=utf-16", json);
    assertEveryReaderRefuses("application/json;charset=\"ISO-8859-1\"", json);
    assertFormRefuses("application/x-www-form-urlencoded; charset=windows-1252",
        "name=a".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_whenTheCharsetIsUtf8InAnySpelling_accepts() {
    for (String type : new String[] {"application/json; charset=utf-8",
        "application/json;charset=\"UTF-8\"", "Application/JSON; Charset=UTF8"}) {
      HttpRequest request = request(type, "{\"name\":\"Ren\u00e9\"}".getBytes(
          StandardCharsets.UTF_8));

      assertThat(JsonBody.read(request, Named.class).name()).as(type).isEqualTo("Ren\u00e9");
      assertThat(FormFields.read(request, FIELDS).get("name")).isEqualTo("Ren\u00e9");
    }
  }

  @Test
  void read_whenAJsonEscapeNamesALoneSurrogate_refusesInvalidEncoding() {
    for (String json : new String[] {"{\"name\":\"A\\ud800\"}", "{\"name\":\"\\udc00A\"}",
        "{\"name\":\"\\ud800\\u0041\"}", "{\"name\":\"\\ud800\\n\"}", "{\"\\udbff\":\"a\"}"}) {
      assertEveryReaderRefuses("application/json", json.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void read_whenSurrogateEscapesPairOrTheBackslashIsEscaped_accepts() {
    HttpRequest pair = request("application/json",
        "{\"name\":\"\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8));
    HttpRequest escaped = request("application/json",
        "{\"name\":\"\\\\ud800\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(JsonBody.read(pair, Named.class).name()).isEqualTo("\uD83D\uDE00");
    assertThat(FormFields.read(escaped, FIELDS).get("name")).isEqualTo("\\ud800");
  }

  @Test
  void read_whenTheBodyIsNotUtf8_refusesInvalidEncoding() {
    assertEveryReaderRefuses("application/json", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"',
        ':', '"', (byte) 0xC3, '"', '}'});
    assertFormRefuses(new byte[] {'n', 'a', 'm', 'e', '=', (byte) 0xFF});
  }

  @Test
  void read_whenANumberIsOverlong_saysSoRatherThanNestedTooDeeply() {
    HttpRequest request = request("application/json",
        ("{\"name\":" + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> JsonBody.read(request, Map.class))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo("malformed_json");
          assertThat(e.getMessage()).isEqualTo("A number in the body has too many digits.");
        });
  }

  private static void assertEveryReaderRefuses(String type, byte[] body) {
    HttpRequest request = request(type, body);
    assertInvalidEncoding(r -> JsonBody.read(r, Named.class), request);
    assertInvalidEncoding(r -> FormFields.read(r, FIELDS), request);
  }

  private static void assertFormRefuses(byte[] body) {
    assertFormRefuses("application/x-www-form-urlencoded", body);
  }

  private static void assertFormRefuses(String type, byte[] body) {
    assertInvalidEncoding(r -> FormFields.read(r, FIELDS), request(type, body));
  }

  private static void assertInvalidEncoding(Consumer<HttpRequest> reader, HttpRequest request) {
    assertThatThrownBy(() -> reader.accept(request))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("invalid_encoding");
        });
  }

  private static HttpRequest request(String type, byte[] body) {
    return new HttpRequest(ApiEvents.request("POST", "/api/x").header("content-type", type)
        .bytes(body).build());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
