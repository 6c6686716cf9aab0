package dev.newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SQS standard queues in memory, on 127.0.0.1 and a free port: SendMessage and SendMessageBatch
 * over the SDK's JSON protocol (with DelaySeconds), so the real {@code SqsCampaignQueue} writes to
 * them; and, in process, what a Lambda event source mapping does: receive a batch (invisible
 * while in flight), delete what the function settled, return the rest. Counts every request an
 * SQS bill would count: send calls, and one receive and one delete call per non-empty batch.
 */
final class SqsStandIn implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A message; {@code visibleAt} in System.nanoTime, Long.MAX_VALUE while in flight. */
  record Message(String id, String body, long visibleAt) {}

  private final HttpServer server;
  private final Map<String, LinkedList<Message>> queues = new ConcurrentHashMap<>();
  final AtomicLong sendRequests = new AtomicLong();
  final AtomicLong receiveRequests = new AtomicLong();
  final AtomicLong deleteRequests = new AtomicLong();

  private SqsStandIn(HttpServer server) {
    this.server = server;
  }

  static SqsStandIn start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    SqsStandIn sqs = new SqsStandIn(server);
    server.createContext("/", sqs::serve);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "sqs-stand-in");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    return sqs;
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String url(String queue) {
    return endpoint() + "/000000000000/" + queue;
  }

  void resetCounts() {
    sendRequests.set(0);
    receiveRequests.set(0);
    deleteRequests.set(0);
  }

  /** Up to {@code max} visible messages, made invisible until deleted or returned. */
  List<Message> receive(String queue, int max) {
    LinkedList<Message> messages = queue(queue);
    List<Message> batch = new ArrayList<>();
    synchronized (messages) {
      long now = System.nanoTime();
      for (Iterator<Message> it = messages.iterator(); it.hasNext() && batch.size() < max; ) {
        Message m = it.next();
        if (m.visibleAt() <= now) {
          it.remove();
          batch.add(m);
        }
      }
      batch.forEach(m -> messages.add(new Message(m.id(), m.body(), Long.MAX_VALUE)));
    }
    if (!batch.isEmpty()) {
      receiveRequests.incrementAndGet();
    }
    return batch;
  }

  /** The event source mapping's follow-up: settled messages deleted, failed ones visible again. */
  void finish(String queue, List<Message> batch, List<String> failedIds) {
    LinkedList<Message> messages = queue(queue);
    synchronized (messages) {
      for (Message m : batch) {
        messages.removeIf(q -> q.id().equals(m.id()));
        if (failedIds.contains(m.id())) {
          messages.add(new Message(m.id(), m.body(), System.nanoTime()));
        }
      }
    }
    if (failedIds.size() < batch.size()) {
      deleteRequests.incrementAndGet();
    }
  }

  /** Messages held by a queue, visible, delayed or in flight. */
  int depth(String queue) {
    LinkedList<Message> messages = queue(queue);
    synchronized (messages) {
      return messages.size();
    }
  }

  private LinkedList<Message> queue(String name) {
    return queues.computeIfAbsent(name, q -> new LinkedList<>());
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
      JsonNode request = JSON.readTree(in);
      String url = request.path("QueueUrl").asText();
      String queue = url.substring(url.lastIndexOf('/') + 1);
      ObjectNode answer = JSON.createObjectNode();
      switch (target) {
        case "AmazonSQS.SendMessage" -> {
          Message m = add(queue, request.path("MessageBody").asText(),
              request.path("DelaySeconds").asInt(0));
          answer.put("MessageId", m.id()).put("MD5OfMessageBody", md5(m.body()));
        }
        case "AmazonSQS.SendMessageBatch" -> {
          ArrayNode ok = answer.putArray("Successful");
          answer.putArray("Failed");
          for (JsonNode entry : request.path("Entries")) {
            Message m = add(queue, entry.path("MessageBody").asText(),
                entry.path("DelaySeconds").asInt(0));
            ok.addObject().put("Id", entry.path("Id").asText()).put("MessageId", m.id())
                .put("MD5OfMessageBody", md5(m.body()));
          }
        }
        default -> {
          send(exchange, 400, "{\"__type\":\"UnsupportedOperation\",\"message\":\"" + target
              + " is not served by the stand-in\"}");
          return;
        }
      }
      sendRequests.incrementAndGet();
      send(exchange, 200, answer.toString());
    }
  }

  private Message add(String queue, String body, int delaySeconds) {
    Message m = new Message(UUID.randomUUID().toString(), body,
        System.nanoTime() + delaySeconds * 1_000_000_000L);
    LinkedList<Message> messages = queue(queue);
    synchronized (messages) {
      messages.add(m);
    }
    return m;
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String md5(String body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
          .digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
