package dev.newsroom.devserver;

import com.sun.net.httpserver.HttpServer;
import dev.newsroom.config.AwsClients;
import dev.newsroom.editors.DynamoDbEditorKeyRepository;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.shared.Clock;
import dev.newsroom.site.SiteRebuildHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The one-command local Newsroom: DynamoDB Local on loopback, tables and routes from
 * template.yaml, the real handler classes in process, and the seed article loaded.
 *
 * <p>Options: {@code --port N} (default 8787, 0 for any free port), {@code --reset} (start from
 * empty data), {@code --data DIR} (default {@code .newsroom-dev/}, ignored by git),
 * {@code --schedule-every SECONDS} (run scheduled functions this often instead of at the rate
 * template.yaml gives them).
 */
public final class DevServer implements AutoCloseable {

  static final int DEFAULT_PORT = 8787;
  static final String SITE_BUCKET = "newsroom-site";
  /** Image uploads and renditions (issue 14): uploads/ and images/, as in template.yaml. */
  static final String MEDIA_BUCKET = "newsroom-media";

  /** Sets $AT to the whole minute two minutes from now, in UTC, when the user runs it. */
  static final String SCHEDULE_TIME = "AT=$(date -u -d '+2 minutes' +%Y-%m-%dT%H:%M:00Z 2>/dev/null"
      + " || date -u -v+2M +%Y-%m-%dT%H:%M:00Z)";

  private final DynamoDbLocal dynamoDb;
  private final HttpServer http;
  private final String editorKey;
  private final LocalSes ses;
  private final StreamPollers pollers;
  private final LocalS3 s3;
  private final LocalUploads uploads;
  private final LocalSchedules schedules;
  private final LocalQueues queues;

  private DevServer(DynamoDbLocal dynamoDb, HttpServer http, String editorKey, LocalSes ses,
      StreamPollers pollers, LocalS3 s3, LocalUploads uploads, LocalSchedules schedules,
      LocalQueues queues) {
    this.dynamoDb = dynamoDb;
    this.http = http;
    this.editorKey = editorKey;
    this.ses = ses;
    this.pollers = pollers;
    this.s3 = s3;
    this.uploads = uploads;
    this.schedules = schedules;
    this.queues = queues;
  }

  public static void main(String[] args) throws Exception {
    int port = DEFAULT_PORT;
    boolean reset = false;
    Path data = Path.of(".newsroom-dev");
    Duration scheduleEvery = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--reset" -> reset = true;
        case "--data" -> data = Path.of(args[++i]);
        case "--schedule-every" -> scheduleEvery = Duration.ofSeconds(Long.parseLong(args[++i]));
        default -> {
          System.err.println("usage: DevServer [--port N] [--reset] [--data DIR]"
              + " [--schedule-every SECONDS]");
          System.exit(2);
        }
      }
    }
    Path root = repoRoot();
    if (!data.isAbsolute()) {
      data = root.resolve(data);
    }
    if (reset) {
      deleteTree(data);
    }
    DevServer server = start(root, data, port, scheduleEvery);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception ignored) {
        // the process is ending anyway
      }
    }));
    System.out.println(server.banner());
  }

  /**
   * Starts everything. {@code data} null keeps the store in memory (tests).
   */
  public static DevServer start(Path root, Path data, int port) throws Exception {
    return start(root, data, port, null);
  }

  /**
   * As {@link #start(Path, Path, int)}, running scheduled functions every {@code scheduleEvery}
   * (null: at their template.yaml rate).
   */
  public static DevServer start(Path root, Path data, int port, Duration scheduleEvery)
      throws Exception {
    Path dynamoDir = null;
    Path s3Dir;
    if (data != null) {
      dynamoDir = Files.createDirectories(data.resolve("dynamodb"));
      s3Dir = Files.createDirectories(data.resolve("s3"));
    } else {
      s3Dir = Files.createTempDirectory("newsroom-s3");
    }
    DynamoDbLocal dynamoDb = DynamoDbLocal.start(dynamoDir);
    LocalS3 s3 = LocalS3.start(s3Dir, data != null, SITE_BUCKET + "," + MEDIA_BUCKET);
    HttpServer http = bind(port);
    String baseUrl = "http://127.0.0.1:" + http.getAddress().getPort();
    LocalAws.configure(dynamoDb.endpoint(), baseUrl + LocalSes.PREFIX);
    System.setProperty("aws.endpointUrlS3", s3.endpoint());
    System.setProperty("aws.endpointUrlSecretsManager", baseUrl + LocalSecrets.PREFIX);
    SamTemplate template = SamTemplate.read(root.resolve("template.yaml"));
    LocalAws.applyEnvironment(template);
    // Deployed, these name the real bucket and the CloudFront (or custom) domain.
    System.setProperty("SITE_BUCKET", SITE_BUCKET);
    System.setProperty("SITE_URL", baseUrl);
    System.setProperty("MEDIA_BUCKET", MEDIA_BUCKET);
    TableBuilder.createAll(template, AwsClients.dynamoDb());
    StaticAssets.upload(root.resolve("site/static"), AwsClients.s3(), SITE_BUCKET);

    HttpApiBridge api = new HttpApiBridge(template.routes());
    LocalSes ses = new LocalSes();
    LocalSite site = new LocalSite(AwsClients.s3(), SITE_BUCKET,
        LocalSite.securityHeaders(template));
    LocalSite images = new LocalSite(AwsClients.s3(), MEDIA_BUCKET,
        LocalSite.securityHeaders(template));
    http.createContext("/", new DevRouter(api, ses, LocalSecrets.load(data), site, images));
    // Campaigns (issue 11): the SQS queues and their event source mappings, in process.
    System.setProperty("aws.endpointUrlSqs", baseUrl + LocalQueues.PREFIX);
    LocalQueues queues = LocalQueues.start(template, baseUrl);
    http.createContext(LocalQueues.PREFIX, queues::serve);
    http.setExecutor(Executors.newFixedThreadPool(16));
    http.start();
    StreamPollers pollers = StreamPollers.start(template, dynamoDb.endpoint());
    // Presigned upload URLs point at the local S3; this stands in for its event notifications.
    LocalUploads uploads = LocalUploads.start(template, AwsClients.s3(), MEDIA_BUCKET);

    EditorKeyService keys = new EditorKeyService(new DynamoDbEditorKeyRepository(
        AwsClients.dynamoDb(), System.getProperty("EDITOR_KEYS_TABLE")), Clock.system());
    String key = DevEditorKey.load(keys, data);
    SeedContent.load(api, key);
    // Pages of the current templates at once, even when the stream has nothing new to say.
    new SiteRebuildHandler().handleRequest(Map.of(), null);
    LocalSchedules schedules = LocalSchedules.start(template, scheduleEvery);
    return new DevServer(dynamoDb, http, key, ses, pollers, s3, uploads, schedules, queues);
  }

  /** The fixed default port is friendlier; when it is taken, any free port will do. */
  private static HttpServer bind(int port) throws IOException {
    try {
      return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    } catch (BindException taken) {
      return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  public String editorKey() {
    return editorKey;
  }

  /** The emails sent so far, as shown at /_outbox. */
  public LocalSes ses() {
    return ses;
  }

  String banner() {
    String url = baseUrl();
    return String.join("\n",
        "",
        "Newsroom dev server is running at " + url,
        "",
        "  Site:          " + url + "/",
        "  Seed article:  curl " + url + "/api/articles/" + SeedContent.SEED_SLUG,
        "  All articles:  curl " + url + "/api/articles",
        "  Sent email:    " + url + "/_outbox",
        "  Contact form:  " + url + "/contact/  (messages: GET /api/admin/messages)",
        "  Newsletter:    subscribe on any article page, then confirm from " + url + "/_outbox",
        "  Editor key:    " + editorKey,
        "",
        "  export NEWSROOM_KEY=" + editorKey,
        "  curl -X PUT " + url + "/api/admin/articles/hello-world \\",
        "    -H \"Authorization: Bearer $NEWSROOM_KEY\" -H 'Content-Type: application/json' \\",
        "    -d '{\"title\":\"Hello\",\"author\":\"Me\",\"body\":\"First *post*.\"}'",
        "  curl -X POST " + url + "/api/admin/articles/hello-world/publish"
            + " -H \"Authorization: Bearer $NEWSROOM_KEY\"",
        "",
        // issue 14 (cli): the same from Markdown files and their photos.
        "  Or from a Markdown file and its photos (docs/cli.md; ./mvnw package builds the jar):",
        "  NEWSROOM_URL=" + url + " java -jar cli/target/newsroom.jar push --publish story.md",
        "",
        "  Or schedule it two minutes ahead (the sweep runs every minute, as deployed) and watch",
        "  it appear (the time is computed when you paste it; GNU date, then BSD date):",
        "  " + SCHEDULE_TIME,
        "  curl -X POST " + url + "/api/admin/articles/hello-world/schedule \\",
        "    -H \"Authorization: Bearer $NEWSROOM_KEY\" -H 'Content-Type: application/json' \\",
        "    -d \"{\\\"publishAt\\\":\\\"$AT\\\"}\"",
        "",
        "Press Ctrl+C to stop. Data is kept in .newsroom-dev/ (--reset starts empty).");
  }

  @Override
  public void close() throws Exception {
    queues.close();
    schedules.close();
    pollers.close();
    uploads.close();
    http.stop(0);
    s3.close();
    dynamoDb.close();
  }

  /** The folder holding template.yaml: the working directory or one of its parents. */
  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("run the dev server inside the Newsroom repository");
    }
    return dir;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
