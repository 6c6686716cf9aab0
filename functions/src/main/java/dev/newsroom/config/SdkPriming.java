package dev.newsroom.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.zip.CRC32;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SDK clients for SnapStart priming: configured like the real ones, except that an in-memory HTTP
 * client answers every call and the credentials are a fixed dummy pair. A call through one runs
 * the SDK's whole pipeline (endpoint rules, marshalling, SigV4 signing, CRC32 check,
 * unmarshalling), so those classes are loaded and compiled before the snapshot, yet nothing
 * leaves the process and no real credentials are looked up. Close the client when done.
 */
public final class SdkPriming {

  private SdkPriming() {}

  /**
   * A DynamoDB client whose answers come from {@code answers}: operation name (such as
   * {@code GetItem}) to response JSON.
   */
  public static DynamoDbClient dynamoDb(Function<String, String> answers) {
    return DynamoDbClient.builder()
        .region(AwsClients.region())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("priming", "priming")))
        .httpClient(new CannedHttpClient(answers))
        .build();
  }

  /** Answers each request from memory, after reading its body as a real client would send it. */
  static final class CannedHttpClient implements SdkHttpClient {

    private final Function<String, String> answers;

    CannedHttpClient(Function<String, String> answers) {
      this.answers = answers;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
      byte[] body = answers.apply(target.substring(target.indexOf('.') + 1))
          .getBytes(StandardCharsets.UTF_8);
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          request.contentStreamProvider().ifPresent(content -> {
            try (InputStream in = content.newStream()) {
              in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
          CRC32 crc = new CRC32();
          crc.update(body);
          return HttpExecuteResponse.builder()
              .response(SdkHttpResponse.builder().statusCode(200)
                  .putHeader("Content-Type", "application/x-amz-json-1.0")
                  .putHeader("x-amz-crc32", Long.toString(crc.getValue()))
                  .build())
              .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
              .build();
        }

        @Override
        public void abort() {
          // nothing in flight
        }
      };
    }

    @Override
    public String clientName() {
      return "priming";
    }

    @Override
    public void close() {
      // holds nothing
    }
  }
}
