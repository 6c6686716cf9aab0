package dev.newsroom.bench;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import java.util.Map;

/**
 * One GetItem with an explicitly configured client, the HTTP client chosen by the first argument
 * ({@code urlconnection} or {@code crt}): the two programs differ in nothing else, so their cold
 * starts isolate the HTTP client lever. Arguments: client, table, slug.
 */
public final class ExplicitGetItem {

  private ExplicitGetItem() {}

  public static void main(String[] args) {
    SdkHttpClient http = args[0].equals("crt") ? Crt.create() : UrlConnectionHttpClient.create();
    try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
        .region(Region.of(System.getenv("AWS_REGION")))
        .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
        .httpClient(http)
        .build()) {
      boolean found = dynamoDb.getItem(r -> r.tableName(args[1]).key(Map.of(
          "pk", AttributeValue.fromS(args[2]), "sk", AttributeValue.fromS("article"))))
          .hasItem();
      System.out.println("status=" + (found ? 200 : 404));
    }
  }

  /** Apart, so the CRT classes load only in the variant that asks for them. */
  private static final class Crt {
    static SdkHttpClient create() {
      return AwsCrtHttpClient.create();
    }
  }
}
