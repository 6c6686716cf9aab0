package dev.newsroom.config;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * SDK clients, each built once per container on first use, with region, credentials and HTTP
 * client set explicitly so that no provider chain is searched at cold start. Endpoints come from
 * {@code AWS_ENDPOINT_URL_*} (or {@code aws.endpointUrl*} properties) for emulators.
 */
public final class AwsClients {

  private AwsClients() {}

  /** Lambda sets env credentials; SnapStart uses the container endpoint; tests use properties. */
  static final AwsCredentialsProvider CREDENTIALS = AwsCredentialsProviderChain.builder()
      .reuseLastProviderEnabled(true)
      .credentialsProviders(
          EnvironmentVariableCredentialsProvider.create(),
          ContainerCredentialsProvider.builder().build(),
          SystemPropertyCredentialsProvider.create())
      .build();

  static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();

  /**
   * Retries that fit in a request. The SDK's legacy default gives DynamoDB 9 attempts with
   * throttling back-off, about 50 s under sustained throttling (measured by the infra suite's
   * fault proxy): Lambda's 10 s timeout would end the function first and API Gateway would answer
   * 500. Standard mode makes 3 attempts, so a throttled or failing dependency becomes a prompt 503
   * with Retry-After.
   */
  static final ClientOverrideConfiguration OVERRIDES = ClientOverrideConfiguration.builder()
      .retryStrategy(RetryMode.STANDARD)
      .build();

  /**
   * DynamoDB serves every API request, so a hung connection (the HTTP client's read timeout is
   * 30 s) must also end well inside the 10 s function timeout. Other clients serve stream and batch
   * functions with longer timeouts, and their first calls to an emulator can be slow.
   */
  static final ClientOverrideConfiguration DYNAMODB_OVERRIDES = OVERRIDES.toBuilder()
      .apiCallAttemptTimeout(Duration.ofSeconds(3))
      .apiCallTimeout(Duration.ofSeconds(7))
      .build();

  public static Region region() {
    return Region.of(Env.optional("AWS_REGION").orElseGet(
        () -> System.getProperty("aws.region", "us-east-1")));
  }

  public static DynamoDbClient dynamoDb() {
    return DynamoDb.CLIENT;
  }

  public static SesV2Client sesV2() {
    return SesV2.CLIENT;
  }

  public static S3Client s3() {
    return S3.CLIENT;
  }

  /** Presigns S3 requests (image uploads) with the S3 client's region, credentials, endpoint. */
  public static S3Presigner s3Presigner() {
    return S3Presign.PRESIGNER;
  }

  public static SecretsManagerClient secretsManager() {
    return SecretsManager.CLIENT;
  }

  /** Emulators serve buckets by path, not by host name; real S3 keeps virtual-hosted style. */
  static boolean s3PathStyle() {
    return s3Endpoint().isPresent();
  }

  private static java.util.Optional<String> s3Endpoint() {
    return Env.optional("AWS_ENDPOINT_URL_S3").or(() -> Env.optional("AWS_ENDPOINT_URL"))
        .or(() -> Env.optional("aws.endpointUrlS3")).or(() -> Env.optional("aws.endpointUrl"));
  }

  public static AwsCredentialsProvider credentials() {
    return CREDENTIALS;
  }

  public static SdkHttpClient httpClient() {
    return HTTP;
  }

  /** Holder idiom: the client is built when first asked for, and only then. */
  private static final class DynamoDb {
    static final DynamoDbClient CLIENT = DynamoDbClient.builder()
        .region(region())
        .credentialsProvider(CREDENTIALS)
        .httpClient(HTTP)
        .overrideConfiguration(DYNAMODB_OVERRIDES)
        .build();
  }

  private static final class SesV2 {
    static final SesV2Client CLIENT = SesV2Client.builder()
        .region(region())
        .credentialsProvider(CREDENTIALS)
        .httpClient(HTTP)
        .overrideConfiguration(OVERRIDES)
        .build();
  }

  private static final class S3 {
    static final S3Client CLIENT = S3Client.builder()
        .region(region())
        .credentialsProvider(CREDENTIALS)
        .httpClient(HTTP)
        .forcePathStyle(s3PathStyle())
        .overrideConfiguration(OVERRIDES)
        .build();
  }

  /** The presigner reads no endpoint settings of its own: an emulator's is passed explicitly. */
  private static final class S3Presign {
    static final S3Presigner PRESIGNER = S3Presigner.builder()
        .region(region())
        .credentialsProvider(CREDENTIALS)
        .endpointOverride(s3Endpoint().map(java.net.URI::create).orElse(null))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3PathStyle())
            .build())
        .build();
  }

  private static final class SecretsManager {
    static final SecretsManagerClient CLIENT = SecretsManagerClient.builder()
        .region(region())
        .credentialsProvider(CREDENTIALS)
        .httpClient(HTTP)
        .build();
  }
}
