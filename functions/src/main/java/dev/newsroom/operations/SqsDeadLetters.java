package dev.newsroom.operations;

import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A dead-letter queue in SQS. */
public final class SqsDeadLetters implements DeadLetters {

  /**
   * How long a read message stays hidden: longer than the slowest replay (the site rebuild's 300 s
   * timeout), so one run never reads a message twice.
   */
  static final int LEASE_SECONDS = 900;

  private final SqsClient sqs;
  private final String url;

  public SqsDeadLetters(SqsClient sqs, String url) {
    this.sqs = sqs;
    this.url = url;
  }

  @Override
  public List<DeadLetter> receive(int max) {
    // A short long-poll asks every SQS host, so an empty answer means an empty queue.
    return sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(max)
            .visibilityTimeout(LEASE_SECONDS).waitTimeSeconds(1))
        .messages().stream()
        .map(m -> new DeadLetter(m.body(), m.receiptHandle()))
        .toList();
  }

  @Override
  public void delete(DeadLetter letter) {
    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(letter.receipt()));
  }
}
