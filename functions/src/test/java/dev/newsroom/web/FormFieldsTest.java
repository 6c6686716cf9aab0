package dev.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

  private static final Set<String> ALLOWED = Set.of("email", "name");

  @Test
  void read_whenForm_decodesFieldsAndMarksFormPost() {
    FormFields fields = FormFields.read(request("application/x-www-form-urlencoded",
        "email=a%40example.org&name=Ren%C3%A9+M"), ALLOWED);

    assertThat(fields.form()).isTrue();
    assertThat(fields.get("email")).isEqualTo("a@example.org");
    assertThat(fields.get("name")).isEqualTo("Ren\u00e9 M");
  }

  @Test
  void read_whenJson_readsStringFields() {
    FormFields fields = FormFields.read(request("application/json",
        "{\"email\":\"a@example.org\",\"name\":null}"), ALLOWED);

    assertThat(fields.form()).isFalse();
    assertThat(fields.values()).containsOnlyKeys("email");
  }

  @Test
  void read_refusesUnknownRepeatedAndNonStringFieldsAndOtherTypes() {
    assertCode("application/x-www-form-urlencoded", "email=a&admin=1", 400, "unknown_field");
    assertCode("application/x-www-form-urlencoded", "email=a&email=b", 400, "repeated_field");
    assertCode("application/x-www-form-urlencoded", "email=%E0%A4", 400, "invalid_encoding");
    assertCode("application/x-www-form-urlencoded", "email=%zz", 400, "malformed_form");
    assertCode("application/json", "{\"email\":5}", 400, "invalid_type");
    assertCode("application/json", "[\"email\"]", 400, "malformed_json");
    assertCode("application/json", "{\"email\":\"a\"} {}", 400, "malformed_json");
    assertCode("application/json", "{\"email\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
        400, "malformed_json");
    assertCode("text/plain", "email=a", 415, "unsupported_media_type");
  }

  private static void assertCode(String type, String body, int status, String code) {
    assertThatThrownBy(() -> FormFields.read(request(type, body), ALLOWED))
        .as(body.length() > 60 ? body.substring(0, 60) : body)
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(status);
          assertThat(e.code()).isEqualTo(code);
        });
  }

  private static HttpRequest request(String type, String body) {
    return new HttpRequest(ApiEvents.request("POST", "/api/x").header("content-type", type)
        .body(body).build());
  }
}
