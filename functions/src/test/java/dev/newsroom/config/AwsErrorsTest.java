package dev.newsroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.shared.UnavailableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

class AwsErrorsTest {

  @Test
  void translate_whenServerError_becomesUnavailableKeepingTheCause() {
    SdkServiceException outage = SdkServiceException.builder().statusCode(503).build();

    RuntimeException translated = AwsErrors.translate(outage);

    assertThat(translated).isInstanceOf(UnavailableException.class).hasCause(outage);
  }

  @Test
  void translate_whenNetworkFailure_becomesUnavailable() {
    SdkClientException refused = SdkClientException.create("connection refused");

    assertThat(AwsErrors.translate(refused)).isInstanceOf(UnavailableException.class);
  }

  @Test
  void translate_whenClientError_staysAsItIs() {
    SdkServiceException invalid = SdkServiceException.builder().statusCode(400).build();

    assertThat(AwsErrors.translate(invalid)).isSameAs(invalid);
  }
}
