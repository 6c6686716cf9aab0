package dev.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParamsTest {

  @Test
  void optionalInt_whenAbsent_isNull() {
    assertThat(QueryParams.optionalInt(request(null), "limit")).isNull();
  }

  @Test
  void optionalInt_whenDigits_parses() {
    assertThat(QueryParams.optionalInt(request("25"), "limit")).isEqualTo(25);
    assertThat(QueryParams.optionalInt(request("007"), "limit")).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1", "+5", "1.5", "ten", "1e3", "9999999999", "5,6", " 5"})
  void optionalInt_whenNotAWholeNumber_failsOnThatParameter(String raw) {
    assertThatThrownBy(() -> QueryParams.optionalInt(request(raw), "limit"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("limit"));
  }

  @Test
  void oneOf_whenAbsent_isTheFallback() {
    assertThat(QueryParams.oneOf(request(null), "status", Shade.DARK, Shade::wire))
        .isEqualTo(Shade.DARK);
  }

  @Test
  void oneOf_whenAWireName_isThatConstant() {
    assertThat(QueryParams.oneOf(status("light"), "status", Shade.DARK, Shade::wire))
        .isEqualTo(Shade.LIGHT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "LIGHT", "DARK", "grey", "light "})
  void oneOf_whenAnyOtherValue_failsNamingTheAcceptedOnes(String raw) {
    assertThatThrownBy(() -> QueryParams.oneOf(status(raw), "status", Shade.DARK, Shade::wire))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("status");
          assertThat(e.getMessage()).isEqualTo("The status must be dark or light.");
        });
  }

  private enum Shade {
    DARK, LIGHT;

    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static HttpRequest status(String status) {
    return new HttpRequest(ApiEvents.request("GET", "/api/admin/messages").query("status", status)
        .build());
  }

  private static HttpRequest request(String limit) {
    ApiEvents event = ApiEvents.request("GET", "/api/articles");
    if (limit != null) {
      event.query("limit", limit);
    }
    return new HttpRequest(event.build());
  }
}
