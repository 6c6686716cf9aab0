package dev.newsroom.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.config.AwsErrors;
import dev.newsroom.shared.Json;
import dev.newsroom.shared.UnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The jobs queue and the send queue on SQS; bodies are small JSON documents. A function that
 * only queues jobs is given no send queue (nor the right to send to it), and the reverse.
 */
public final class SqsCampaignQueue implements CampaignQueue {

  private final SqsClient sqs;
  private final String jobsUrl;
  private final String sendsUrl;

  /** @param jobsUrl or null; @param sendsUrl or null */
  public SqsCampaignQueue(SqsClient sqs, String jobsUrl, String sendsUrl) {
    this.sqs = sqs;
    this.jobsUrl = jobsUrl;
    this.sendsUrl = sendsUrl;
  }

  @Override
  public void enqueue(Job job, Duration delay) {
    try {
      String url = configured(jobsUrl, "jobs");
      sqs.sendMessage(r -> r.queueUrl(url).messageBody(write(job))
          .delaySeconds(seconds(delay)));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public void enqueue(SendBatch batch, Duration delay) {
    String url = configured(sendsUrl, "send");
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    List<String> ids = batch.subscriberIds();
    for (int from = 0; from < ids.size(); from += BATCH) {
      SendBatch part = new SendBatch(batch.campaignId(),
          ids.subList(from, Math.min(ids.size(), from + BATCH)), batch.attempt());
      entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(entries.size()))
          .messageBody(write(part)).delaySeconds(seconds(delay)).build());
    }
    try {
      for (int from = 0; from < entries.size(); from += 10) {
        List<SendMessageBatchRequestEntry> chunk =
            entries.subList(from, Math.min(entries.size(), from + 10));
        SendMessageBatchResponse response =
            sqs.sendMessageBatch(r -> r.queueUrl(url).entries(chunk));
        if (response.hasFailed() && !response.failed().isEmpty()) {
          // Messages already sent stay: a batch sent twice sends each email once.
          throw new UnavailableException("The send queue refused messages.", null);
        }
      }
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  private static int seconds(Duration delay) {
    return (int) Math.max(0, Math.min(900, delay.toSeconds()));
  }

  static String write(Job job) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("kind", job.kind().name().toLowerCase(java.util.Locale.ROOT));
    node.put("campaignId", job.campaignId());
    node.put("cursor", job.cursor());
    return node.toString();
  }

  static String write(SendBatch batch) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("campaignId", batch.campaignId());
    node.put("attempt", batch.attempt());
    batch.subscriberIds().forEach(node.putArray("recipients")::add);
    return node.toString();
  }

  /** @throws IllegalArgumentException when the body is not a job */
  static Job readJob(String body) {
    JsonNode node = tree(body);
    try {
      return new Job(Job.Kind.valueOf(node.path("kind").asText().toUpperCase(
          java.util.Locale.ROOT)), required(node, "campaignId"),
          node.hasNonNull("cursor") ? node.get("cursor").asText() : null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a campaign job", e);
    }
  }

  /** @throws IllegalArgumentException when the body is not a send batch */
  static SendBatch readBatch(String body) {
    JsonNode node = tree(body);
    List<String> ids = new ArrayList<>();
    JsonNode recipients = node.path("recipients");
    if (!recipients.isArray() || recipients.size() > BATCH) {
      throw new IllegalArgumentException("not a send batch");
    }
    recipients.forEach(id -> ids.add(id.asText()));
    return new SendBatch(required(node, "campaignId"), ids, node.path("attempt").asInt(0));
  }

  private static String required(JsonNode node, String field) {
    if (!node.path(field).isTextual()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return node.get(field).asText();
  }

  private static JsonNode tree(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  private static String configured(String url, String queue) {
    if (url == null) {
      throw new IllegalStateException("this function is not given the campaign " + queue
          + " queue");
    }
    return url;
  }
}
