package dev.newsroom.devserver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The SQS queues of template.yaml, in memory, and their event source mappings (issue 11): the
 * SDK's SendMessage and SendMessageBatch (JSON protocol) land on {@link #PREFIX}; each queue with
 * a subscribed function is polled by a few threads that invoke the real handler with an SQS
 * event of up to its batch size. A message the handler reports failed (partial batch response)
 * or that throws comes back after {@link #VISIBILITY}, as deployed (shorter, for a local run).
 */
final class LocalQueues implements AutoCloseable {

  static final String PREFIX = "/_sqs";
  static final Duration VISIBILITY = Duration.ofSeconds(20);
  /** Concurrent invocations per subscribed queue. */
  static final int POLLERS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Message(String id, String body, Instant visibleAt) {}

  private final Map<String, List<Message>> queues = new ConcurrentHashMap<>();
  private final ExecutorService pollers = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "queues");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean running = true;

  /**
   * Points every queue URL of the template's environment at this stand-in and starts the
   * pollers.
   */
  static LocalQueues start(SamTemplate template, String baseUrl) {
    LocalQueues local = new LocalQueues();
    Set<String> queueIds = template.functions().stream().flatMap(f -> f.environment().values()
        .stream()).filter(v -> v.endsWith("Queue")).collect(Collectors.toSet());
    for (SamTemplate.Function function : template.functions()) {
      function.environment().forEach((name, value) -> {
        if (name.endsWith("_QUEUE_URL") && queueIds.contains(value)) {
          System.setProperty(name, baseUrl + PREFIX + "/" + value);
        }
      });
    }
    for (SamTemplate.QueueSubscription subscription : template.queueSubscriptions()) {
      for (int i = 0; i < POLLERS; i++) {
        // One handler per poller, as Lambda runs one invocation at a time per environment.
        RequestHandler<SQSEvent, SQSBatchResponse> handler =
            instantiate(subscription.handlerClass());
        local.pollers.submit(() -> local.poll(subscription, handler));
      }
    }
    return local;
  }

  /** Messages waiting (visible or not) in a queue, for tests and the outbox page. */
  int depth(String queue) {
    List<Message> messages = queues.get(queue);
    return messages == null ? 0 : messages.size();
  }

  void serve(HttpExchange exchange) throws IOException {
    String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    String queue = request.path("QueueUrl").asText();
    queue = queue.substring(queue.lastIndexOf('/') + 1);
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
        DevResponses.send(exchange, 400, "application/x-amz-json-1.0",
            "{\"__type\":\"UnsupportedOperation\",\"message\":\"not served locally\"}");
        return;
      }
    }
    DevResponses.send(exchange, 200, "application/x-amz-json-1.0", answer.toString());
  }

  private Message add(String queue, String body, int delaySeconds) {
    Message m = new Message(UUID.randomUUID().toString(), body,
        Instant.now().plusSeconds(delaySeconds));
    List<Message> messages = queues.computeIfAbsent(queue, q -> new ArrayList<>());
    synchronized (messages) {
      messages.add(m);
    }
    return m;
  }

  private void poll(SamTemplate.QueueSubscription subscription,
      RequestHandler<SQSEvent, SQSBatchResponse> handler) {
    List<Message> messages = queues.computeIfAbsent(subscription.queue(), q -> new ArrayList<>());
    while (running) {
      List<Message> batch = new ArrayList<>();
      synchronized (messages) {
        Instant now = Instant.now();
        for (Message m : messages) {
          if (batch.size() < subscription.batchSize() && !m.visibleAt().isAfter(now)) {
            batch.add(m);
          }
        }
        // In flight: invisible until the handler is done, or the visibility timeout.
        messages.removeAll(batch);
        batch.forEach(m -> messages.add(new Message(m.id(), m.body(), now.plus(VISIBILITY))));
      }
      if (batch.isEmpty()) {
        sleep();
        continue;
      }
      List<String> failed = invoke(subscription, handler, batch);
      synchronized (messages) {
        messages.removeIf(m -> batch.stream().anyMatch(b -> b.id().equals(m.id()))
            && !failed.contains(m.id()));
      }
    }
  }

  private static List<String> invoke(SamTemplate.QueueSubscription subscription,
      RequestHandler<SQSEvent, SQSBatchResponse> handler, List<Message> batch) {
    SQSEvent event = new SQSEvent();
    event.setRecords(batch.stream().map(m -> {
      SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
      message.setMessageId(m.id());
      message.setBody(m.body());
      return message;
    }).toList());
    try {
      return handler.handleRequest(event, new LocalContext(Duration.ofSeconds(120)))
          .getBatchItemFailures().stream()
          .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    } catch (RuntimeException e) {
      System.err.println("queue " + subscription.functionId() + ": " + e.getClass().getSimpleName()
          + " (the batch comes back after the visibility timeout, as deployed)");
      return batch.stream().map(Message::id).toList();
    }
  }

  private static String md5(String body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
          .digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<SQSEvent, SQSBatchResponse> instantiate(String className) {
    try {
      return (RequestHandler<SQSEvent, SQSBatchResponse>) Class.forName(className)
          .getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build queue handler " + className, e);
    }
  }

  @Override
  public void close() {
    running = false;
    pollers.shutdownNow();
  }
}
