package dev.newsroom.devserver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.newsroom.config.AwsClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** One poller thread per stream subscription in template.yaml. */
final class StreamPollers implements AutoCloseable {

  private final DynamoDbStreamsClient streams;
  private final List<StreamPoller> pollers;
  private final List<Thread> threads;

  private StreamPollers(DynamoDbStreamsClient streams, List<StreamPoller> pollers,
      List<Thread> threads) {
    this.streams = streams;
    this.pollers = pollers;
    this.threads = threads;
  }

  static StreamPollers start(SamTemplate template, String dynamoDbEndpoint) {
    DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
        .endpointOverride(URI.create(dynamoDbEndpoint))
        .region(AwsClients.region())
        .credentialsProvider(AwsClients.credentials())
        .httpClient(AwsClients.httpClient())
        .build();
    List<StreamPoller> pollers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (SamTemplate.StreamSubscription subscription : template.streamSubscriptions()) {
      StreamPoller poller = new StreamPoller(AwsClients.dynamoDb(), streams, subscription.table(),
          instantiate(subscription.handlerClass()), subscription.maxRetries());
      Thread thread = new Thread(poller, "stream-" + subscription.functionId());
      thread.setDaemon(true);
      thread.start();
      pollers.add(poller);
      threads.add(thread);
    }
    return new StreamPollers(streams, pollers, threads);
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<DynamodbEvent, Object> instantiate(String className) {
    try {
      return (RequestHandler<DynamodbEvent, Object>) Class.forName(className).getConstructor()
          .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build stream handler " + className, e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    pollers.forEach(StreamPoller::stop);
    for (Thread thread : threads) {
      thread.interrupt();
      thread.join(2000);
    }
    streams.close();
  }
}
