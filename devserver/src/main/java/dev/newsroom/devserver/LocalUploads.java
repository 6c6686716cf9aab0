package dev.newsroom.devserver;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.newsroom.shared.JsonWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 event notifications for the local bucket, which has none: polls each bucket prefix that a
 * template function subscribes to with an S3 event, and hands every new object to that function
 * as an {@code ObjectCreated:Put} event, as Lambda would. An object is announced once per ETag.
 */
final class LocalUploads implements AutoCloseable {

  private static final long PERIOD_MS = 250;

  private final ScheduledExecutorService timer;

  private LocalUploads(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** One poller per S3-evented function of the template; the bucket is the dev server's. */
  static LocalUploads start(SamTemplate template, S3Client s3, String bucket) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "s3-events");
      t.setDaemon(true);
      return t;
    });
    for (SamTemplate.Function function : template.functions()) {
      function.events().forEach(event -> {
        if ("S3".equals(event.path("Type").asText())) {
          String prefix = "";
          for (var rule : event.at("/Properties/Filter/S3Key/Rules")) {
            if ("prefix".equals(rule.path("Name").asText())) {
              prefix = rule.path("Value").asText();
            }
          }
          Poller poller = new Poller(s3, bucket, prefix, handler(function.handlerClass()));
          timer.scheduleWithFixedDelay(poller, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        }
      });
    }
    return new LocalUploads(timer);
  }

  private static RequestStreamHandler handler(String className) {
    try {
      return (RequestStreamHandler) Class.forName(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build S3 event handler " + className, e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private record Poller(S3Client s3, String bucket, String prefix, RequestStreamHandler handler,
      Set<String> seen) implements Runnable {

    Poller(S3Client s3, String bucket, String prefix, RequestStreamHandler handler) {
      this(s3, bucket, prefix, handler, new HashSet<>());
    }

    @Override
    public void run() {
      try {
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
            .contents()) {
          if (seen.add(object.key() + "#" + object.eTag())) {
            handler.handleRequest(new ByteArrayInputStream(event(object)),
                new ByteArrayOutputStream(), null);
          }
        }
      } catch (Exception e) {
        // Like a failed asynchronous invocation: reported, and the next object still goes.
        System.err.println("S3 event handler failed: " + e);
      }
    }

    private byte[] event(S3Object object) {
      Map<String, Object> record = Map.of(
          "eventSource", "aws:s3",
          "eventName", "ObjectCreated:Put",
          "s3", Map.of("bucket", Map.of("name", bucket),
              "object", Map.of("key", object.key(), "size", object.size(),
                  "eTag", object.eTag())));
      return JsonWriter.write(Map.of("Records", List.of(record)))
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}
