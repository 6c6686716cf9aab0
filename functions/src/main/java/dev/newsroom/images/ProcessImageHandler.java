package dev.newsroom.images;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.shared.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * S3 {@code ObjectCreated} events for {@code uploads/}: each record is one arrival. A failure
 * other than a refusal (S3 or DynamoDB unavailable, or the image claimed by another invocation)
 * fails the invocation, and Lambda's retries for asynchronous events deliver it again, then the
 * dead-letter queue; the claim makes that safe ({@link ImageArrivals}).
 */
public final class ProcessImageHandler implements RequestStreamHandler {

  private final ImageArrivals arrivals;

  public ProcessImageHandler() {
    this(ImagesWiring.arrivals());
  }

  ProcessImageHandler(ImageArrivals arrivals) {
    this.arrivals = arrivals;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = Json.mapper().readTree(input);
    for (JsonNode record : event.path("Records")) {
      if (!record.path("eventName").asText("").startsWith("ObjectCreated:")) {
        continue;
      }
      // Keys arrive URL-encoded, with '+' for spaces.
      String key = URLDecoder.decode(record.path("s3").path("object").path("key").asText(""),
          StandardCharsets.UTF_8);
      arrivals.arrived(key);
    }
    output.write("null".getBytes(StandardCharsets.US_ASCII));
  }
}
