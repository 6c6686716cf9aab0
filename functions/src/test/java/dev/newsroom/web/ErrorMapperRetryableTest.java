package dev.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** A dependency failure an adapter forgot to translate is still a 503, never a 500. */
class ErrorMapperRetryableTest {

  @Test
  void toResponse_whenThrottledSdkErrorEscapesAnAdapter_is503WithRetryAfter() {
    // given DynamoDB's throttling error, untranslated
    var throttled = ProvisionedThroughputExceededException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder()
            .errorCode("ProvisionedThroughputExceededException").build()).build();

    // when it reaches the mapper
    HttpResponse response = ErrorMapper.toResponse(throttled);

    // then the client is told to come back
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers()).containsEntry("Retry-After", "5");
    assertThat(response.body()).contains("\"code\":\"unavailable\"");
  }

  @Test
  void toResponse_whenANetworkFailureArrivesWrapped_is503() {
    var network = SdkClientException.create("connection reset");

    HttpResponse response = ErrorMapper.toResponse(
        new UncheckedIOException(new java.io.IOException(network)));

    assertThat(response.status()).isEqualTo(503);
  }

  @Test
  void toResponse_whenTheSdkRejectsTheRequestForGood_staysA500WithoutDetail() {
    // given a non-retryable error: our request was wrong, a retry cannot help
    var invalid = DynamoDbException.builder().statusCode(400).message("ValidationException: x")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build())
        .build();

    HttpResponse response = ErrorMapper.toResponse(invalid);

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.body()).doesNotContain("ValidationException");
  }
}
