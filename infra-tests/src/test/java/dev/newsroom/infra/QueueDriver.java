package dev.newsroom.infra;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Plays Lambda's SQS event source mapping for one queue of template.yaml, one invocation at a
 * time, so a test decides when messages are delivered: up to {@code BatchSize} visible messages
 * become an {@link SQSEvent}; after the invocation the messages it did not report failed
 * (partial batch response) are deleted, and the failed ones stay to come back after the
 * visibility timeout, as Lambda leaves them.
 *
 * <p>The queue is read over a direct connection: Lambda's poller is not the function.
 */
public final class QueueDriver {

  private final String queueUrl;
  private final int batchSize;
  private final SqsClient sqs;
  private final List<String> delivered = new CopyOnWriteArrayList<>();

  public QueueDriver(String queueUrl, int batchSize, SqsClient sqs) {
    this.queueUrl = queueUrl;
    this.batchSize = batchSize;
    this.sqs = sqs;
  }

  /** Up to a batch of visible messages, now invisible for the queue's visibility timeout. */
  public List<Message> receive() {
    return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(batchSize)
        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
  }

  /**
   * Invokes {@code handler} with these messages as Lambda does, then deletes the ones it did not
   * report failed.
   *
   * @return the ids of the messages reported failed
   */
  public Set<String> deliver(RequestHandler<SQSEvent, SQSBatchResponse> handler,
      List<Message> messages) {
    SQSBatchResponse response = handler.handleRequest(event(messages), LambdaTime.of(120));
    Set<String> failed = new HashSet<>();
    response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
    for (Message message : messages) {
      if (!failed.contains(message.messageId())) {
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
      }
    }
    return failed;
  }

  /** Delivers one batch if a message is visible; false when none is. */
  public boolean deliverOne(RequestHandler<SQSEvent, SQSBatchResponse> handler) {
    List<Message> messages = receive();
    if (messages.isEmpty()) {
      return false;
    }
    deliver(handler, messages);
    return true;
  }

  /** Messages in the queue: visible, in flight or delayed. */
  public int waiting() {
    Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    return attributes.values().stream().mapToInt(Integer::parseInt).sum();
  }

  /** The time an in-flight message has left runs out now, as if its visibility timeout passed. */
  public void makeVisible(Message message) {
    sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
        .visibilityTimeout(0));
  }

  /** Deletes every message, delayed ones included. */
  public void empty() {
    try {
      sqs.purgeQueue(r -> r.queueUrl(queueUrl));
    } catch (PurgeQueueInProgressException anotherPurgeJustDidIt) {
      // emptied less than a minute ago (LocalStack enforces the limit; moto does not)
    }
    delivered.clear();
  }

  /** Bodies of the messages delivered so far, in order. */
  public List<String> delivered() {
    return List.copyOf(delivered);
  }

  private SQSEvent event(List<Message> messages) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message m : messages) {
      delivered.add(m.body());
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(m.messageId());
      record.setReceiptHandle(m.receiptHandle());
      record.setBody(m.body());
      record.setMd5OfBody(m.md5OfBody());
      Map<String, String> attributes = new java.util.HashMap<>();
      m.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
      record.setAttributes(attributes);
      record.setEventSource("aws:sqs");
      record.setAwsRegion("us-east-1");
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  /** The one part of Lambda's context the handlers read: the time left. */
  public record LambdaTime(long until) implements Context {

    public static LambdaTime of(int timeoutSeconds) {
      return new LambdaTime(System.currentTimeMillis() + timeoutSeconds * 1000L);
    }

    @Override
    public int getRemainingTimeInMillis() {
      return (int) Math.max(0, until - System.currentTimeMillis());
    }

    @Override
    public String getAwsRequestId() {
      return "queue-driver";
    }

    @Override
    public String getLogGroupName() {
      return null;
    }

    @Override
    public String getLogStreamName() {
      return null;
    }

    @Override
    public String getFunctionName() {
      return null;
    }

    @Override
    public String getFunctionVersion() {
      return null;
    }

    @Override
    public String getInvokedFunctionArn() {
      return null;
    }

    @Override
    public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 512;
    }

    @Override
    public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() {
      return null;
    }
  }
}
