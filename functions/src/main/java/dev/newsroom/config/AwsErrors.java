package dev.newsroom.config;

import dev.newsroom.shared.UnavailableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Maps SDK failures a client may retry (throttling, 5xx, network) to 503 Unavailable. */
public final class AwsErrors {

  private AwsErrors() {}

  public static boolean isRetryable(SdkException e) {
    return e instanceof SdkClientException
        || (e instanceof SdkServiceException s && (s.isThrottlingException()
            || s.statusCode() >= 500));
  }

  /** Returns what to throw instead of {@code e}: 503 when retryable, {@code e} itself otherwise. */
  public static RuntimeException translate(SdkException e) {
    return isRetryable(e) ? new UnavailableException("A dependency is unavailable.", e) : e;
  }
}
