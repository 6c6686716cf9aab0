package dev.newsroom.devserver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Runs a {@link StreamMapping} in the background, as Lambda's poller does: retries back off, and
 * a batch that fails every retry is dropped with a log line, where AWS would use the DLQ.
 */
final class StreamPoller implements Runnable {

  /** The dev server's batch size from the start (the infra tests play the template's BatchSize). */
  private static final int BATCH_SIZE = 10;

  private final String table;
  private final StreamMapping mapping;
  private volatile boolean running = true;

  StreamPoller(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table,
      RequestHandler<DynamodbEvent, Object> handler, int maxRetries) {
    this.table = table;
    this.mapping = new StreamMapping(table, handler, BATCH_SIZE, maxRetries,
        attempt -> Duration.ofMillis(Math.min(4000, 250L << attempt)),
        (streamArn, shardId, batch) -> System.err.println("stream " + table + ": "
            + batch.size() + " record(s) failed every retry; AWS would send them to the DLQ"),
        dynamoDb, streams);
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running) {
      try {
        if (mapping.drain().records() == 0) {
          Thread.sleep(200);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (running) {
          System.err.println("stream poller for " + table + ": " + e.getClass().getSimpleName());
        }
        sleepQuietly(1000);
      }
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
