package dev.newsroom.bench;

import dev.newsroom.articles.ArticleInput;
import dev.newsroom.articles.ArticleService;
import dev.newsroom.articles.DynamoDbArticleRepository;
import com.sun.net.httpserver.HttpServer;
import dev.newsroom.devserver.DynamoDbLocal;
import dev.newsroom.devserver.LocalSecrets;
import dev.newsroom.devserver.SamTemplate;
import dev.newsroom.devserver.TableBuilder;
import dev.newsroom.editors.DynamoDbEditorKeyRepository;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Json;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * What every benchmark runs against: DynamoDB Local (the real engine) over HTTP on 127.0.0.1 and a
 * free port, the tables of template.yaml named by logical id, the seed article published, and one
 * editor key; and the dev server's Secrets Manager stand-in, for the subscription link key.
 * Closing it stops both servers.
 */
final class BenchWorld implements AutoCloseable {

  static final String SEED_SLUG = "us-bombers-hit-iran-backed-militias-hard-in-syria-and-iraq";
  /** The article that write routes create, publish, unpublish and delete, run after run. */
  static final String SCRATCH_SLUG = "bench-scratch";
  static final String REGION = "us-east-1";
  static final String ACCESS_KEY = "bench";
  static final String SECRET_KEY = "bench";

  final SamTemplate template;
  final DynamoDbLocal server;
  final DynamoDbClient dynamoDb;
  final ArticleService articles;
  final String editorKey;
  private final HttpServer secrets;

  private BenchWorld(SamTemplate template, DynamoDbLocal server, DynamoDbClient dynamoDb,
      ArticleService articles, String editorKey, HttpServer secrets) {
    this.template = template;
    this.server = server;
    this.dynamoDb = dynamoDb;
    this.articles = articles;
    this.editorKey = editorKey;
    this.secrets = secrets;
  }

  static BenchWorld start(Path repo) throws Exception {
    SamTemplate template = SamTemplate.read(repo.resolve("template.yaml"));
    DynamoDbLocal server = DynamoDbLocal.start(null);
    DynamoDbClient dynamoDb = DynamoDbClient.builder()
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(URI.create(server.endpoint()))
        .build();
    TableBuilder.createAll(template, dynamoDb);
    ArticleService articles = new ArticleService(
        new DynamoDbArticleRepository(dynamoDb, "ArticlesTable"), Clock.system());
    articles.put(SEED_SLUG, seedInput(), "bench-editor");
    articles.publish(SEED_SLUG, "bench-editor");
    String key = new EditorKeyService(
        new DynamoDbEditorKeyRepository(dynamoDb, "EditorKeysTable"), Clock.system())
        .mint("bench-editor").plaintext();
    HttpServer secrets = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    secrets.createContext(LocalSecrets.PREFIX, LocalSecrets.load(null)::serve);
    secrets.start();
    return new BenchWorld(template, server, dynamoDb, articles, key, secrets);
  }

  static String seedJson() throws Exception {
    try (InputStream in = BenchWorld.class.getResourceAsStream("/seed/" + SEED_SLUG + ".json")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static ArticleInput seedInput() throws Exception {
    return Json.mapper().readValue(seedJson(), ArticleInput.class);
  }

  /**
   * Puts the scratch article in the state a write route needs to do real work: absent before a
   * PUT (a create), a draft before publish, published before unpublish and delete.
   */
  void prepareScratch(String method, String path) throws Exception {
    try {
      articles.delete(SCRATCH_SLUG);
    } catch (dev.newsroom.shared.NotFoundException absent) {
      // already absent
    }
    if (method.equals("PUT") || method.equals("GET")) {
      return;
    }
    articles.put(SCRATCH_SLUG, seedInput(), "bench-editor");
    if (!path.endsWith("/publish")) {
      articles.publish(SCRATCH_SLUG, "bench-editor");
    }
  }

  /**
   * Empties the rate-limit table, so that the public POST routes measure an accepted request on
   * every run rather than a 429 once the bench's one IP has used its budget.
   */
  void clearRateLimits() {
    dynamoDb.scanPaginator(ScanRequest.builder().tableName("RateLimitsTable").build()).items()
        .forEach(item -> dynamoDb.deleteItem(d -> d.tableName("RateLimitsTable")
            .key(java.util.Map.of("pk", item.get("pk")))));
  }

  String endpoint() {
    return server.endpoint();
  }

  String secretsManagerEndpoint() {
    return "http://127.0.0.1:" + secrets.getAddress().getPort() + LocalSecrets.PREFIX;
  }

  @Override
  public void close() throws Exception {
    secrets.stop(0);
    dynamoDb.close();
    server.close();
  }
}
