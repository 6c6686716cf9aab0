package dev.newsroom.operations;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** The stack's functions in Lambda. */
public final class LambdaFunctions implements Functions {

  private final LambdaClient lambda;

  public LambdaFunctions(LambdaClient lambda) {
    this.lambda = lambda;
  }

  @Override
  public void invokeAsync(String function, String payload) {
    lambda.invoke(r -> r.functionName(function).invocationType(InvocationType.EVENT)
        .payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8)));
  }

  @Override
  public String invoke(String function, String payload) {
    InvokeResponse response = lambda.invoke(r -> r.functionName(function)
        .invocationType(InvocationType.REQUEST_RESPONSE)
        .payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8)));
    if (response.functionError() != null) {
      // The payload then holds the error type and message; the function's log has the trace.
      throw new RedriveFailedException(function + " failed: " + response.functionError());
    }
    return response.payload().asUtf8String();
  }
}
