package dev.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRequestTest {

  @Test
  void header_ignoresCase() {
    // given a caller that did not lower-case header names, as API Gateway does
    HttpRequest request = new HttpRequest(APIGatewayV2HTTPEvent.builder()
        .withHeaders(Map.of("If-None-Match", "\"a\"")).build());

    assertThat(request.header("if-none-match")).contains("\"a\"");
    assertThat(request.header("IF-NONE-MATCH")).contains("\"a\"");
    assertThat(request.header("authorization")).isEmpty();
  }

  @Test
  void mediaType_dropsParametersAndCase() {
    HttpRequest request = new HttpRequest(ApiEvents.request("POST", "/api/x")
        .header("content-type", " Application/JSON ; charset=utf-8").build());

    assertThat(request.mediaType()).isEqualTo("application/json");
  }

  @Test
  void mediaType_whenAbsent_isEmpty() {
    assertThat(new HttpRequest(ApiEvents.request("POST", "/api/x").build()).mediaType()).isEmpty();
  }

  @Test
  void body_whenBase64_decodesIt() {
    HttpRequest request = new HttpRequest(ApiEvents.request("POST", "/api/x")
        .bytes("caf\u00e9".getBytes(StandardCharsets.UTF_8)).build());

    assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("caf\u00e9");
  }

  @Test
  void body_whenBase64Broken_is400() {
    APIGatewayV2HTTPEvent event = ApiEvents.request("POST", "/api/x").build();
    event.setBody("***");
    event.setIsBase64Encoded(true);

    assertThatThrownBy(() -> new HttpRequest(event).body())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void body_whenMultiByteTextOverLimitInBytes_is413() {
    // given fewer characters than the limit but more bytes (each is 3 bytes in UTF-8)
    String text = "\u20ac".repeat(HttpRequest.MAX_BODY_BYTES / 3 + 1);

    assertThatThrownBy(() -> new HttpRequest(ApiEvents.request("POST", "/api/x").body(text)
        .build()).body())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void body_whenAbsent_isEmpty() {
    assertThat(new HttpRequest(ApiEvents.request("POST", "/api/x").build()).body()).isEmpty();
  }
}
