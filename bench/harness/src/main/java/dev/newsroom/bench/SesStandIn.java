package dev.newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SES v2 as the campaign sender sees it, on 127.0.0.1 and a free port: {@code GetAccount} reports
 * the send rate, {@code SendEmail} accepts at most that rate and answers 429
 * TooManyRequestsException ("Maximum sending rate exceeded.") above it, as SES does. The rate is
 * a token bucket holding one second of sends and refilled continuously, so a sender that bunches
 * a second's sends at its start is served, and one that runs ahead of the rate is not. Every
 * accepted message is recorded by recipient, with its time.
 */
final class SesStandIn implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private final List<Long> acceptedAt = new ArrayList<>();
  private final AtomicLong throttled = new AtomicLong();
  private volatile int rate;
  private double tokens;
  private long refilledAt;

  private SesStandIn(HttpServer server) {
    this.server = server;
  }

  static SesStandIn start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    SesStandIn ses = new SesStandIn(server);
    server.createContext("/", ses::serve);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "ses-stand-in");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    return ses;
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Forgets what was received and enforces {@code perSecond} from now; 0 for no limit. */
  synchronized void reset(int perSecond) {
    received.clear();
    acceptedAt.clear();
    throttled.set(0);
    rate = perSecond;
    tokens = perSecond;
    refilledAt = System.nanoTime();
  }

  /** Emails accepted per recipient address. */
  Map<String, AtomicInteger> received() {
    return received;
  }

  long throttled() {
    return throttled.get();
  }

  /** The acceptance times (System.nanoTime), in order. */
  synchronized long[] acceptedAt() {
    return acceptedAt.stream().mapToLong(Long::longValue).toArray();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/v2/email/account") && exchange.getRequestMethod().equals("GET")) {
        int reported = rate == 0 ? 100_000 : rate;
        answer(exchange, 200, "{\"SendQuota\":{\"MaxSendRate\":" + reported
            + ",\"Max24HourSend\":1000000,\"SentLast24Hours\":0},\"SendingEnabled\":true,"
            + "\"ProductionAccessEnabled\":true}", null);
        return;
      }
      if (!path.equals("/v2/email/outbound-emails") || !exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 404, "{\"message\":\"not served by the stand-in\"}", "NotFoundException");
        return;
      }
      JsonNode request = JSON.readTree(body);
      JsonNode to = request.at("/Destination/ToAddresses/0");
      if (!to.isTextual() || !request.at("/Content/Raw/Data").isTextual()) {
        answer(exchange, 400, "{\"message\":\"expected a raw message to one address\"}",
            "BadRequestException");
        return;
      }
      if (!take()) {
        throttled.incrementAndGet();
        answer(exchange, 429, "{\"message\":\"Maximum sending rate exceeded.\"}",
            "TooManyRequestsException");
        return;
      }
      received.computeIfAbsent(to.asText(), a -> new AtomicInteger()).incrementAndGet();
      answer(exchange, 200, "{\"MessageId\":\"" + java.util.UUID.randomUUID() + "\"}", null);
    }
  }

  /** One send from the bucket, recorded when taken. */
  private synchronized boolean take() {
    long now = System.nanoTime();
    if (rate > 0) {
      tokens = Math.min(rate, tokens + (now - refilledAt) / 1e9 * rate);
      refilledAt = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
    }
    acceptedAt.add(now);
    return true;
  }

  private static void answer(HttpExchange exchange, int status, String json, String errorType)
      throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (errorType != null) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
