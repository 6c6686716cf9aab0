package dev.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.HttpServer;
import dev.newsroom.shared.Clock;
import dev.newsroom.web.HttpHandler;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The SnapStart hook: it runs the request path, opens no connection (a local server counts every
 * request, and a proxy selector sees every URL the JVM's HTTP stack opens), and leaves the handler
 * on its real adapter with no thread, clock or random value kept behind.
 */
class SnapStartPrimingTest {

  private HttpServer store;
  private final AtomicInteger storeRequests = new AtomicInteger();
  private final List<URI> opened = Collections.synchronizedList(new ArrayList<>());
  private ProxySelector previousSelector;
  private DynamoDbClient realClient;

  @BeforeEach
  void startStoreAndWatchTheNetwork() throws IOException {
    store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    store.createContext("/", exchange -> {
      storeRequests.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    store.start();
    previousSelector = ProxySelector.getDefault();
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        opened.add(uri);
        return List.of(Proxy.NO_PROXY);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // recorded in select
      }
    });
    realClient = DynamoDbClient.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(URI.create("http://127.0.0.1:" + store.getAddress().getPort()))
        .build();
  }

  @AfterEach
  void stop() {
    ProxySelector.setDefault(previousSelector);
    realClient.close();
    store.stop(0);
  }

  @Test
  void beforeCheckpoint_whenGetArticle_touchesNoNetworkAndKeepsTheRealAdapter() {
    GetArticleHandler handler = new GetArticleHandler(new ArticleService(
        new DynamoDbArticleRepository(realClient, "ArticlesTable"), Clock.system()));
    Set<String> threadsBefore = sdkThreads();

    handler.beforeCheckpoint(null);

    assertThat(storeRequests).hasValue(0);
    assertThat(opened).isEmpty();
    assertThat(sdkThreads()).isEqualTo(threadsBefore);

    // After priming, the handler still answers from the real store: the fakes are gone, and
    // the network watch does see connections when there are some.
    int status = handler.handleRequest(get("no-such-article"), null).getStatusCode();
    assertThat(status).isEqualTo(404);
    assertThat(storeRequests).hasValue(1);
    assertThat(opened).extracting(URI::getPort).containsOnly(store.getAddress().getPort());
  }

  @Test
  void beforeCheckpoint_whenListArticles_touchesNoNetwork() {
    ListArticlesHandler handler = new ListArticlesHandler(new ArticleService(
        new DynamoDbArticleRepository(realClient, "ArticlesTable"), Clock.system()));

    handler.beforeCheckpoint(null);

    assertThat(storeRequests).hasValue(0);
    assertThat(opened).isEmpty();
  }

  @Test
  void priming_whenReadPaths_answerTheSampleWithoutNetwork() {
    assertThat(ArticlePriming.run(GetArticleHandler::new, ArticlePriming.get())).isEqualTo(200);
    assertThat(ArticlePriming.run(ListArticlesHandler::new, ArticlePriming.list()))
        .isEqualTo(200);
    assertThat(opened).isEmpty();
  }

  /**
   * Nothing restored from a snapshot may carry a time or random value taken at init. A static
   * random source is refused outright; a static time or id must be a constant, which shows as the
   * same value when the class is initialised twice, a few milliseconds apart, in two loaders.
   */
  @Test
  void staticState_whenAnyMainClass_holdsNoTimeOrRandomValue() throws Exception {
    Set<Class<?>> values = Set.of(Instant.class, Date.class, UUID.class, LocalDateTime.class,
        OffsetDateTime.class, ZonedDateTime.class);
    Path classes = Path.of(HttpHandler.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    List<String> offenders = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.')
            .replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, getClass().getClassLoader());
        for (Field field : type.getDeclaredFields()) {
          if (!Modifier.isStatic(field.getModifiers())) {
            continue;
          }
          if (Random.class.isAssignableFrom(field.getType())) {
            offenders.add(name + "." + field.getName() + " (random source)");
          } else if (values.stream().anyMatch(v -> v.isAssignableFrom(field.getType()))
              && !Objects.equals(freshValue(field), freshValue(field))) {
            offenders.add(name + "." + field.getName() + " (differs between inits)");
          }
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(20);
    assertThat(offenders).isEmpty();
  }

  /** The field's value after initialising its class in a loader of its own. */
  private static Object freshValue(Field field) throws Exception {
    Thread.sleep(3);
    String path = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : path.split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      Field fresh = Class.forName(field.getDeclaringClass().getName(), true, loader)
          .getDeclaredField(field.getName());
      fresh.setAccessible(true);
      return fresh.get(null);
    }
  }

  private static Set<String> sdkThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .map(Thread::getName).filter(n -> n.startsWith("sdk-")).collect(Collectors.toSet());
  }

  private static APIGatewayV2HTTPEvent get(String slug) {
    return APIGatewayV2HTTPEvent.builder()
        .withPathParameters(Map.of("slug", slug))
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                .withSourceIp("127.0.0.1").build())
            .build())
        .build();
  }
}
