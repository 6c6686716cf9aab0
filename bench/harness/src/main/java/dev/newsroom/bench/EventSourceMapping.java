package dev.newsroom.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A Lambda SQS event source mapping over {@link SqsStandIn}: {@code concurrency} execution
 * environments, each a thread with its own handler instance (built by its public no-arg
 * constructor, as Lambda builds it), taking up to {@code batchSize} messages per invocation and
 * honouring partial batch responses. Records each invocation's duration and the bytes its thread
 * allocated.
 */
final class EventSourceMapping implements AutoCloseable {

  /** One invocation: wall time and bytes allocated by the invoking thread. */
  record Invocation(long nanos, long allocatedBytes) {}

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final SqsStandIn sqs;
  private final String queue;
  private final String function;
  private final int batchSize;
  private final Duration timeout;
  private final List<Thread> environments = new ArrayList<>();
  private final List<Invocation> invocations = new ArrayList<>();
  final AtomicLong failedMessages = new AtomicLong();
  private volatile boolean running = true;

  EventSourceMapping(SqsStandIn sqs, String queue, String function, int batchSize,
      Duration timeout) {
    this.sqs = sqs;
    this.queue = queue;
    this.function = function;
    this.batchSize = batchSize;
    this.timeout = timeout;
  }

  void start(int concurrency, Supplier<RequestHandler<SQSEvent, SQSBatchResponse>> handlers) {
    for (int i = 0; i < concurrency; i++) {
      Thread thread = new Thread(() -> poll(handlers.get()), function + "-" + i);
      thread.setDaemon(true);
      environments.add(thread);
      thread.start();
    }
  }

  synchronized List<Invocation> invocations() {
    return List.copyOf(invocations);
  }

  private void poll(RequestHandler<SQSEvent, SQSBatchResponse> handler) {
    while (running) {
      List<SqsStandIn.Message> batch = sqs.receive(queue, batchSize);
      if (batch.isEmpty()) {
        pause();
        continue;
      }
      SQSEvent event = new SQSEvent();
      event.setRecords(batch.stream().map(m -> {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(m.id());
        message.setBody(m.body());
        return message;
      }).toList());
      long allocated = THREADS.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      List<String> failed;
      try {
        failed = handler.handleRequest(event, new BenchContext(function, timeout))
            .getBatchItemFailures().stream()
            .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
      } catch (RuntimeException e) {
        failed = batch.stream().map(SqsStandIn.Message::id).toList();
      }
      Invocation invocation = new Invocation(System.nanoTime() - start,
          THREADS.getCurrentThreadAllocatedBytes() - allocated);
      synchronized (this) {
        invocations.add(invocation);
      }
      failedMessages.addAndGet(failed.size());
      sqs.finish(queue, batch, failed);
    }
  }

  private void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread thread : environments) {
      thread.join();
    }
  }
}
