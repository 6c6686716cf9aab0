package dev.newsroom.web;

import dev.newsroom.shared.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.shared.ConflictException;
import dev.newsroom.shared.NotFoundException;
import dev.newsroom.shared.RateLimitedException;
import dev.newsroom.shared.UnavailableException;
import dev.newsroom.shared.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMapperTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(ApiException.badRequest("malformed_json", "Bad JSON."), 400,
            "malformed_json", "Bad JSON."),
        Arguments.of(ApiException.unauthorized(), 401, "unauthorized",
            "A valid editor key is required."),
        Arguments.of(new ApiException(413, "payload_too_large", "Too big."), 413,
            "payload_too_large", "Too big."),
        Arguments.of(new ApiException(415, "unsupported_media_type", "JSON only."), 415,
            "unsupported_media_type", "JSON only."),
        Arguments.of(new ValidationException("title", "The title is required."), 400,
            "invalid_field", "The title is required."),
        Arguments.of(new NotFoundException("No such article."), 404, "not_found",
            "No such article."),
        Arguments.of(new ConflictException("Changed meanwhile."), 409, "conflict",
            "Changed meanwhile."),
        Arguments.of(new RateLimitedException(Duration.ofSeconds(42)), 429, "rate_limited",
            "Too many requests. Try again later."),
        Arguments.of(new UnavailableException("table ArticlesTable throttled at 10.0.0.7",
            new RuntimeException("inner")), 503, "unavailable",
            "The service is busy. Try again shortly."),
        Arguments.of(new IllegalStateException("missing configuration: ARTICLES_TABLE"), 500,
            "internal", "Something went wrong on our side."),
        Arguments.of(new NullPointerException("Cannot invoke \"String.length()\""), 500,
            "internal", "Something went wrong on our side."),
        Arguments.of(new UncheckedIOException(new IOException("connect 127.0.0.1:8000")), 500,
            "internal", "Something went wrong on our side."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void toResponse_mapsEachFailureToStatusAndErrorShape(RuntimeException failure, int status,
      String code, String message) {
    HttpResponse response = ErrorMapper.toResponse(failure);

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.headers()).containsEntry("Content-Type", HttpResponse.JSON)
        .containsEntry("Cache-Control", "no-store");
    JsonNode json = read(response);
    assertThat(json.size()).isEqualTo(1);
    assertThat(json.path("error").path("code").asText()).isEqualTo(code);
    assertThat(json.path("error").path("message").asText()).isEqualTo(message);
  }

  @Test
  void toResponse_whenValidation_namesTheField() {
    HttpResponse response = ErrorMapper.toResponse(new ValidationException("limit", "Bad."));

    assertThat(read(response).path("error").path("field").asText()).isEqualTo("limit");
  }

  @Test
  void toResponse_whenUnauthorized_asksForBearer() {
    assertThat(ErrorMapper.toResponse(ApiException.unauthorized()).headers())
        .containsEntry("WWW-Authenticate", "Bearer");
  }

  @Test
  void toResponse_whenRateLimited_saysWhenToRetry() {
    assertThat(ErrorMapper.toResponse(new RateLimitedException(Duration.ofSeconds(42))).headers())
        .containsEntry("Retry-After", "42");
    assertThat(ErrorMapper.toResponse(new RateLimitedException(Duration.ZERO)).headers())
        .containsEntry("Retry-After", "1");
  }

  @Test
  void toResponse_whenUnavailable_saysWhenToRetryAndHidesTheCause() {
    HttpResponse response = ErrorMapper.toResponse(
        new UnavailableException("table ArticlesTable throttled", new RuntimeException("x")));

    assertThat(response.headers()).containsEntry("Retry-After", "5");
    assertThat(response.body()).doesNotContain("ArticlesTable");
  }

  @Test
  void toResponse_whenUnexpected_neverEchoesInternalText() {
    HttpResponse response = ErrorMapper.toResponse(
        new IllegalStateException("secret table newsroom-prod-articles at 10.1.2.3"));

    assertThat(response.body()).doesNotContain("secret", "newsroom-prod", "10.1.2.3",
        "IllegalStateException");
  }

  private static JsonNode read(HttpResponse response) {
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(response.body(), e);
    }
  }
}
