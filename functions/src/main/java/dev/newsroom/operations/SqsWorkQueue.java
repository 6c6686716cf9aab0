package dev.newsroom.operations;

import software.amazon.awssdk.services.sqs.SqsClient;

/** The SQS queue a dead letter goes back to. */
public final class SqsWorkQueue implements WorkQueue {

  private final SqsClient sqs;
  private final String url;

  public SqsWorkQueue(SqsClient sqs, String url) {
    this.sqs = sqs;
    this.url = url;
  }

  @Override
  public void send(String body) {
    sqs.sendMessage(r -> r.queueUrl(url).messageBody(body));
  }
}
