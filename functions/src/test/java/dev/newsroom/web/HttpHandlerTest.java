package dev.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.shared.NotFoundException;
import dev.newsroom.config.FakeLambdaContext;
import dev.newsroom.shared.Log;
import dev.newsroom.shared.StdoutCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpHandlerTest {

  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
  private PrintStream stdout;

  @BeforeEach
  void captureLogs() {
    stdout = System.out;
    System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStdout() {
    System.setOut(stdout);
  }

  @Test
  void handleRequest_whenHandlerAnswers_copiesStatusHeadersAndBody() {
    APIGatewayV2HTTPResponse response = handler(r -> HttpResponse.json(201, Map.of("ok", true))
        .withHeader("X-Test", "1")).handleRequest(ApiEvents.request("GET", "/api/x").build(),
        null);

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders()).containsEntry("X-Test", "1")
        .containsEntry("Content-Type", HttpResponse.JSON);
    assertThat(response.getBody()).isEqualTo("{\"ok\":true}");
    assertThat(response.getIsBase64Encoded()).isFalse();
  }

  @Test
  void handleRequest_whenDomainFailure_mapsItWithoutLoggingAnError() {
    APIGatewayV2HTTPResponse response = handler(r -> {
      throw new NotFoundException("No such thing.");
    }).handleRequest(ApiEvents.request("GET", "/api/x").build(), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("ERROR");
  }

  @Test
  void handleRequest_whenUnexpectedFailure_is500AndNeitherAnswerNorLogCarriesItsText() {
    // given a failure whose message quotes request data, as SDK and parser messages do
    String secret = "nrk.AAAAAAAAAAAAAAAA.reader@example.org";

    // when
    APIGatewayV2HTTPResponse response = handler(r -> {
      throw new IllegalStateException("could not store " + secret);
    }).handleRequest(ApiEvents.request("GET", "/api/x").build(), null);

    // then the client gets the generic 500 and operators get the type and frames only
    assertThat(response.getStatusCode()).isEqualTo(500);
    assertThat(ApiEvents.json(response).path("error").path("code").asText())
        .isEqualTo("internal");
    assertThat(response.getBody()).doesNotContain(secret).doesNotContain("IllegalState");
    String log = logs.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("\"level\":\"ERROR\"").contains("IllegalStateException")
        .doesNotContain(secret);
  }

  @Test
  void handleRequest_whenRequestContextMissing_stillAnswers() {
    APIGatewayV2HTTPResponse response = handler(r -> HttpResponse.json(200,
        Map.of("method", r.method(), "ip", r.sourceIp())))
        .handleRequest(new com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent(),
            null);

    assertThat(ApiEvents.json(response).path("method").asText()).isEqualTo("GET");
    assertThat(ApiEvents.json(response).path("ip").asText()).isEqualTo("unknown");
  }

  @Test
  void handleRequest_withLambdaContext_everyLineNamesTheInvocation_andItEndsWithIt() {
    HttpHandler handler = handler(r -> {
      throw new IllegalStateException("boom");
    });

    try (StdoutCapture out = StdoutCapture.start()) {
      handler.handleRequest(ApiEvents.request("GET", "/api/x").build(),
          new FakeLambdaContext("newsroom-GetArticle", "req-42"));
      Log.info("between.invocations", Map.of());

      assertThat(out.json()).filteredOn(line -> line.path("level").asText().equals("ERROR"))
          .singleElement().satisfies(line -> {
            assertThat(line.path("function_name").asText()).isEqualTo("newsroom-GetArticle");
            assertThat(line.path("function_request_id").asText()).isEqualTo("req-42");
            assertThat(line.has("cold_start")).isTrue();
          });
      assertThat(out.json()).filteredOn(line -> line.path("event").asText()
          .equals("between.invocations")).singleElement()
          .satisfies(line -> assertThat(line.has("function_request_id")).isFalse());
    }
  }

  static HttpHandler handler(Function<HttpRequest, HttpResponse> body) {
    return new HttpHandler() {
      @Override
      protected HttpResponse handle(HttpRequest request) {
        return body.apply(request);
      }
    };
  }
}
