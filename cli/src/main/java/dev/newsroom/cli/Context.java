package dev.newsroom.cli;

import dev.newsroom.cli.api.HttpNewsroomApi;
import dev.newsroom.cli.api.NewsroomApi;
import dev.newsroom.cli.config.ConfigException;
import dev.newsroom.cli.config.Settings;
import dev.newsroom.cli.push.ImageUploader;
import dev.newsroom.editors.DynamoDbEditorKeyRepository;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.shared.Clock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a run of the client depends on from outside: environment, home folder, the two output
 * streams, and how to reach the API and the editor-key table. Tests give fakes of the last two.
 *
 * @param imageTimeout how long to wait for an uploaded image to be processed
 */
record Context(
    Map<String, String> env,
    Path home,
    PrintWriter out,
    PrintWriter err,
    Function<Settings, NewsroomApi> api,
    Function<KeyTable, EditorKeys> keys,
    ImageUploader.Sleeper sleeper,
    Duration imageTimeout) {

  /** Which table holds the editor keys, and the region, when given. */
  record KeyTable(String table, String region) {}

  /** The key service with what it holds open; closing releases the SDK client. */
  record EditorKeys(EditorKeyService service, AutoCloseable resources) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      resources.close();
    }
  }

  /** Processing takes seconds; 2000 px renditions of a 20 MB photo on Lambda, up to two minutes. */
  static final Duration IMAGE_TIMEOUT = Duration.ofMinutes(3);

  static Context system() {
    return new Context(System.getenv(), Path.of(System.getProperty("user.home")),
        new PrintWriter(System.out, true), new PrintWriter(System.err, true),
        settings -> new HttpNewsroomApi(settings.url(), settings.key(), Output.JSON),
        Context::dynamoDbKeys, duration -> Thread.sleep(duration.toMillis()), IMAGE_TIMEOUT);
  }

  /**
   * A person runs this, so the SDK's full chains apply: profiles, SSO, environment; the endpoint
   * comes from {@code AWS_ENDPOINT_URL_DYNAMODB} or {@code AWS_ENDPOINT_URL} when set.
   */
  static EditorKeys dynamoDbKeys(KeyTable table) {
    Region region;
    DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    try {
      region = table.region() != null ? Region.of(table.region())
          : new DefaultAwsRegionProviderChain().getRegion();
      credentials.resolveCredentials();
    } catch (SdkClientException e) {
      throw new ConfigException("AWS: " + e.getMessage());
    }
    DynamoDbClient dynamoDb = DynamoDbClient.builder()
        .region(region)
        .credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.create())
        // Three attempts, not the legacy mode's nine: a person is waiting.
        .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
        .build();
    return new EditorKeys(new EditorKeyService(
        new DynamoDbEditorKeyRepository(dynamoDb, table.table()), Clock.system()), dynamoDb);
  }
}
