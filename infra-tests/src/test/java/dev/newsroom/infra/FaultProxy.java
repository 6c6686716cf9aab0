package dev.newsroom.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting HTTP/1.1 proxy between the handlers' SDK clients and an emulator, on
 * 127.0.0.1 and a free port. It forwards every request unchanged (Host and signature included),
 * records each call as an operation name, and for armed rules answers with a canned AWS error or
 * drops the connection instead.
 *
 * <p>Operations: DynamoDB's from {@code X-Amz-Target} ({@code PutItem}); SES v2's from the path
 * ({@code SendEmail}); S3's from method and path ({@code PutObject}). One request per connection:
 * every answer carries {@code Connection: close}, so a dropped connection is always a fresh one and
 * the SDK cannot hide it in a pooled-connection retry.
 */
public final class FaultProxy implements AutoCloseable {

  /** What an armed rule does instead of forwarding. */
  public enum Fault {
    /** DynamoDB 400 ProvisionedThroughputExceededException (a throttling error). */
    DYNAMODB_THROUGHPUT,
    /** DynamoDB 500 InternalServerError. */
    DYNAMODB_500,
    /** SES 400 Throttling ("Maximum sending rate exceeded"). */
    SES_THROTTLING,
    /** SES v2 429 TooManyRequestsException. */
    SES_TOO_MANY_REQUESTS,
    /** SES 500 InternalFailure. */
    SES_500,
    /** S3 503 SlowDown. */
    S3_503,
    /** The connection is reset after the request is read; the emulator never sees it. */
    DROP,
    /** The request reaches the emulator, then the connection is reset: the answer is lost. */
    LOSE_RESPONSE
  }

  /** One request as the proxy saw it. */
  public record Call(String service, String operation, String method, String path, int status,
      Fault fault, Set<String> tables) {

    /** True when the emulator applied a change: a write that it answered with 2xx. */
    public boolean changedState() {
      return fault == null || fault == Fault.LOSE_RESPONSE
          ? status / 100 == 2 && WRITES.contains(operation) : false;
    }
  }

  /** Operations that change stored state or send something. */
  static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem",
      "TransactWriteItems", "BatchWriteItem", "SendEmail", "SendRawEmail", "PutObject",
      "DeleteObject", "DeleteObjects", "CopyObject", "SendMessage", "Publish");

  private static final class Rule {
    final String operation;
    final Fault fault;
    final AtomicInteger skip;
    final AtomicInteger remaining;
    final AtomicInteger applied = new AtomicInteger();

    Rule(String operation, Fault fault, int skip, int times) {
      this.operation = operation;
      this.fault = fault;
      this.skip = new AtomicInteger(skip);
      this.remaining = new AtomicInteger(times);
    }

    /** Counts a matching call; true when this one gets the fault. */
    boolean take(String op) {
      if (!operation.equals("*") && !operation.equals(op)) {
        return false;
      }
      if (skip.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return false;
      }
      if (remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        applied.incrementAndGet();
        return true;
      }
      return false;
    }
  }

  private static final class Trigger {
    final String operation;
    final AtomicInteger left;
    final Runnable action;

    Trigger(String operation, int nth, Runnable action) {
      this.operation = operation;
      this.left = new AtomicInteger(nth);
      this.action = action;
    }

    volatile boolean ran;
    volatile Throwable failure;

    void forwarded(String op) {
      if (operation.equals(op) && left.decrementAndGet() == 0) {
        try {
          action.run();
        } catch (RuntimeException | AssertionError e) {
          failure = e;
        } finally {
          ran = true;
        }
      }
    }
  }

  private static final AtomicInteger FAULTS_INJECTED = new AtomicInteger();

  private final String service;
  private final URI upstream;
  private final ServerSocket server;
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fault-proxy");
    t.setDaemon(true);
    return t;
  });
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<Trigger> triggers = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> standIns = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;

  private FaultProxy(String service, URI upstream, ServerSocket server) {
    this.service = service;
    this.upstream = upstream;
    this.server = server;
  }

  /** Starts a proxy for {@code service} ("dynamodb" or "moto") in front of {@code upstream}. */
  public static FaultProxy start(String service, URI upstream) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    FaultProxy proxy = new FaultProxy(service, upstream, socket);
    Thread acceptor = new Thread(proxy::acceptLoop, "fault-proxy-" + service);
    acceptor.setDaemon(true);
    acceptor.start();
    return proxy;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** The next {@code times} calls of {@code operation} ("*" for any) get {@code fault}. */
  public void inject(String operation, Fault fault, int times) {
    inject(operation, fault, 0, times);
  }

  /** As {@link #inject(String, Fault, int)}, after letting {@code skip} matching calls through. */
  public void inject(String operation, Fault fault, int skip, int times) {
    rules.add(new Rule(operation, fault, skip, times));
  }

  /** Removes every rule and trigger: the dependency is healthy again. */
  public void heal() {
    rules.clear();
    triggers.clear();
  }

  /**
   * Runs {@code action} once, when the emulator has answered the {@code nth} forwarded call of
   * {@code operation} and before that answer reaches the caller: something happens while the
   * caller waits (an editor pauses, a reader unsubscribes, the caller's process dies).
   */
  public void afterForwarding(String operation, int nth, Runnable action) {
    triggers.add(new Trigger(operation, nth, action));
  }

  /** Fails unless every trigger ran, and ran without an error (it runs on the proxy's thread). */
  public void assertTriggersRan() {
    for (Trigger trigger : triggers) {
      if (trigger.failure != null) {
        throw new AssertionError("trigger on " + trigger.operation + " failed", trigger.failure);
      }
      if (!trigger.ran) {
        throw new AssertionError("trigger on " + trigger.operation + " never ran");
      }
    }
  }

  /**
   * Answers every call of {@code operation} itself, with a 200 and this JSON: a stand-in for an
   * API the emulator lacks (moto 5.2.5 has no SES v2 GetAccount). Kept through {@link #heal()}.
   */
  public void standIn(String operation, String json) {
    standIns.put(operation, response(200, "application/json", Map.of(), json));
  }

  public void clearCalls() {
    calls.clear();
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public long count(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).count();
  }

  public long faulted(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation) && c.fault() != null)
        .count();
  }

  /** Faults answered by every proxy of this JVM, for the suite's report. */
  public static int faultsInjected() {
    return FAULTS_INJECTED.get();
  }

  @Override
  public void close() throws IOException {
    running = false;
    server.close();
    workers.shutdownNow();
  }

  private void acceptLoop() {
    while (running) {
      try {
        Socket client = server.accept();
        workers.execute(() -> serve(client));
      } catch (IOException e) {
        if (running) {
          System.err.println("fault proxy " + service + ": accept failed: " + e);
        }
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(30_000);
      InputStream in = client.getInputStream();
      Head head = Head.read(in);
      if (head == null) {
        return;
      }
      OutputStream out = client.getOutputStream();
      if ("100-continue".equalsIgnoreCase(head.header("expect"))) {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      byte[] body = head.readBody(in);
      String operation = operation(head);
      Fault fault = null;
      for (Rule rule : rules) {
        if (rule.take(operation)) {
          fault = rule.fault;
          break;
        }
      }
      if (fault != null) {
        FAULTS_INJECTED.incrementAndGet();
      }
      if (fault == Fault.DROP) {
        calls.add(new Call(service, operation, head.method, head.path(), 0, fault,
            tables(body)));
        reset(client);
        return;
      }
      byte[] standIn = fault == null ? standIns.get(operation) : null;
      byte[] answer = standIn != null ? standIn
          : fault == null || fault == Fault.LOSE_RESPONSE ? forward(head, body) : canned(fault);
      int status = status(answer);
      calls.add(new Call(service, operation, head.method, head.path(), status, fault,
          tables(body)));
      if (fault == null && standIn == null) {
        for (Trigger trigger : triggers) {
          trigger.forwarded(operation);
        }
      }
      if (fault == Fault.LOSE_RESPONSE) {
        reset(client);
        return;
      }
      out.write(answer);
      out.flush();
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  /** An abortive close (RST), as a crashed peer or a cut network gives. */
  private static void reset(Socket client) throws SocketException {
    client.setSoLinger(true, 0);
  }

  private byte[] forward(Head head, byte[] body) throws IOException {
    try (Socket target = new Socket(upstream.getHost(), upstream.getPort())) {
      target.setSoTimeout(30_000);
      OutputStream out = target.getOutputStream();
      StringBuilder request = new StringBuilder(head.requestLine).append("\r\n");
      head.headers.forEach((name, value) -> {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals("expect") && !lower.equals("connection")) {
          request.append(name).append(": ").append(value).append("\r\n");
        }
      });
      request.append("Connection: close\r\n\r\n");
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return target.getInputStream().readAllBytes();
    }
  }

  private static final java.util.regex.Pattern TABLE_NAME =
      java.util.regex.Pattern.compile("\"TableName\"\\s*:\\s*\"([^\"]+)\"");

  /** The DynamoDB tables a request names (none for other services). */
  private static Set<String> tables(byte[] body) {
    Set<String> names = new java.util.TreeSet<>();
    var m = TABLE_NAME.matcher(new String(body, StandardCharsets.UTF_8));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private String operation(Head head) {
    String target = head.header("x-amz-target");
    if (target != null) {
      return target.substring(target.indexOf('.') + 1);
    }
    String path = head.path();
    if (path.startsWith("/v2/email/outbound-emails")) {
      return "SendEmail";
    }
    if (path.equals("/v2/email/account") && head.method.equals("GET")) {
      return "GetAccount";
    }
    if (path.startsWith("/v2/email/")) {
      return "SesV2:" + head.method + " " + path;
    }
    boolean object = path.indexOf('/', 1) > 0 && path.indexOf('/', 1) < path.length() - 1;
    String query = head.query();
    return switch (head.method) {
      case "PUT" -> object ? "PutObject" : "CreateBucket";
      case "GET" -> object ? "GetObject" : "ListObjects";
      case "HEAD" -> object ? "HeadObject" : "HeadBucket";
      case "DELETE" -> object ? "DeleteObject" : "DeleteBucket";
      case "POST" -> query.contains("delete") ? "DeleteObjects" : "Post " + path;
      default -> head.method + " " + path;
    };
  }

  private static byte[] canned(Fault fault) {
    return switch (fault) {
      case DYNAMODB_THROUGHPUT -> response(400, "application/x-amz-json-1.0", Map.of(),
          "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
              + "\"message\":\"The level of configured provisioned throughput for the table was"
              + " exceeded.\"}");
      case DYNAMODB_500 -> response(500, "application/x-amz-json-1.0", Map.of(),
          "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
              + "\"message\":\"Internal server error\"}");
      case SES_THROTTLING -> response(400, "application/json",
          Map.of("x-amzn-ErrorType", "Throttling"),
          "{\"message\":\"Maximum sending rate exceeded.\"}");
      case SES_TOO_MANY_REQUESTS -> response(429, "application/json",
          Map.of("x-amzn-ErrorType", "TooManyRequestsException"),
          "{\"message\":\"Too many requests.\"}");
      case SES_500 -> response(500, "application/json",
          Map.of("x-amzn-ErrorType", "InternalFailure"), "{\"message\":\"Internal failure.\"}");
      case S3_503 -> response(503, "application/xml", Map.of(),
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
              + "<Message>Please reduce your request rate.</Message></Error>");
      case DROP, LOSE_RESPONSE -> throw new IllegalArgumentException(fault + " has no answer");
    };
  }

  private static byte[] response(int status, String type, Map<String, String> headers,
      String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
        .append(status == 200 ? "OK" : status == 400 ? "Bad Request"
            : status == 429 ? "Too Many Requests" : status == 503 ? "Service Unavailable" : "Internal Server Error").append("\r\n")
        .append("Content-Type: ").append(type).append("\r\n")
        .append("Content-Length: ").append(bytes.length).append("\r\n")
        .append("x-amzn-RequestId: fault-proxy\r\n")
        .append("Connection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(bytes);
    return out.toByteArray();
  }

  private static int status(byte[] response) {
    String line = new String(response, 0, Math.min(response.length, 16),
        StandardCharsets.ISO_8859_1);
    try {
      return Integer.parseInt(line.substring(9, 12));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** A request line and its headers, in order. */
  private static final class Head {
    final String requestLine;
    final String method;
    final String target;
    final Map<String, String> headers;

    private Head(String requestLine, Map<String, String> headers) {
      this.requestLine = requestLine;
      String[] parts = requestLine.split(" ");
      this.method = parts[0];
      this.target = parts.length > 1 ? parts[1] : "/";
      this.headers = headers;
    }

    static Head read(InputStream in) throws IOException {
      String line = readLine(in);
      if (line == null || line.isEmpty()) {
        return null;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
        int colon = h.indexOf(':');
        if (colon > 0) {
          headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
      }
      return new Head(line, headers);
    }

    String header(String name) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
      return null;
    }

    String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    String query() {
      int q = target.indexOf('?');
      return q < 0 ? "" : target.substring(q + 1);
    }

    /** The body as sent (chunked bodies keep their framing, which is forwarded as is). */
    byte[] readBody(InputStream in) throws IOException {
      String length = header("content-length");
      if (length != null) {
        return in.readNBytes(Integer.parseInt(length));
      }
      if ("chunked".equalsIgnoreCase(header("transfer-encoding"))) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        while (true) {
          String size = readLine(in);
          raw.writeBytes((size + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          int n = Integer.parseInt(size.split(";")[0].trim(), 16);
          if (n == 0) {
            for (String t = readLine(in); t != null; t = readLine(in)) {
              raw.writeBytes((t + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
              if (t.isEmpty()) {
                break;
              }
            }
            return raw.toByteArray();
          }
          raw.writeBytes(in.readNBytes(n));
          raw.writeBytes((readLine(in) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
      }
      return new byte[0];
    }

    private static String readLine(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          byte[] bytes = line.toByteArray();
          int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1
              : bytes.length;
          return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        }
        line.write(b);
      }
      return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
  }

  static List<String> operations(List<Call> calls) {
    List<String> names = new ArrayList<>();
    calls.forEach(c -> names.add(c.operation() + (c.fault() == null ? "" : "!" + c.fault())));
    return names;
  }
}
