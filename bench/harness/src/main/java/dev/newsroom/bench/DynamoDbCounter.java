package dev.newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A counting HTTP proxy in front of DynamoDB Local, on 127.0.0.1 and a free port: every request
 * the handlers make is forwarded unchanged and counted by operation ({@code X-Amz-Target}), with
 * the items a batch or transaction carries. What DynamoDB would bill is counted here, where it
 * arrives, whatever the SDK did (retries included).
 */
final class DynamoDbCounter implements AutoCloseable {

  static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem",
      "BatchWriteItem", "TransactWriteItems");
  private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length",
      "expect", "upgrade", "transfer-encoding");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .build();
  private final URI upstream;
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> items = new ConcurrentHashMap<>();
  /** The requests among {@link #requests} on the send rate's per-second counters. */
  private final Map<String, LongAdder> rateRequests = new ConcurrentHashMap<>();

  private DynamoDbCounter(HttpServer server, URI upstream) {
    this.server = server;
    this.upstream = upstream;
  }

  static DynamoDbCounter start(String upstream) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    DynamoDbCounter counter = new DynamoDbCounter(server, URI.create(upstream));
    server.createContext("/", counter::forward);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "dynamodb-counter");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    return counter;
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void reset() {
    requests.clear();
    items.clear();
    rateRequests.clear();
  }

  /** Requests per operation on the send rate's counters ({@code pk = rate#<second>}). */
  Map<String, Long> rateRequests() {
    Map<String, Long> copy = new TreeMap<>();
    rateRequests.forEach((op, n) -> copy.put(op, n.sum()));
    return copy;
  }

  /** Requests per operation so far. */
  Map<String, Long> requests() {
    Map<String, Long> copy = new TreeMap<>();
    requests.forEach((op, n) -> copy.put(op, n.sum()));
    return copy;
  }

  /** Items written or read per operation (1 per single-item request). */
  Map<String, Long> items() {
    Map<String, Long> copy = new TreeMap<>();
    items.forEach((op, n) -> copy.put(op, n.sum()));
    return copy;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
      String operation = target.substring(target.indexOf('.') + 1);
      requests.computeIfAbsent(operation, o -> new LongAdder()).increment();
      items.computeIfAbsent(operation, o -> new LongAdder()).add(itemsOf(operation, body));
      if (new String(body, StandardCharsets.UTF_8).contains("\"S\":\"rate#")) {
        rateRequests.computeIfAbsent(operation, o -> new LongAdder()).increment();
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(
          exchange.getRequestURI().getRawPath()))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(v -> request.header(name, v));
        }
      });
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      response.headers().map().forEach((name, values) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
          exchange.getResponseHeaders().put(name, List.copyOf(values));
        }
      });
      byte[] answer = response.body();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  /** Items a request names: the entries of a batch or transaction, else one. */
  private static long itemsOf(String operation, byte[] body) throws IOException {
    return switch (operation) {
      case "TransactWriteItems", "TransactGetItems" ->
          JSON.readTree(body).path("TransactItems").size();
      case "BatchWriteItem" -> sum(JSON.readTree(body).path("RequestItems"), null);
      case "BatchGetItem" -> sum(JSON.readTree(body).path("RequestItems"), "Keys");
      default -> 1;
    };
  }

  private static long sum(JsonNode perTable, String field) {
    long n = 0;
    for (JsonNode table : perTable) {
      n += (field == null ? table : table.path(field)).size();
    }
    return n;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
