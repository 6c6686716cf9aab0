package dev.newsroom.campaigns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.newsroom.shared.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The send queue: each message is a batch of recipients of one campaign. A batch that fails
 * (the store is down) is reported alone and comes back after the visibility timeout; its
 * recipients already settled are not sent again. Throttling is not a failure: the sender queues
 * the rest with a delay itself.
 */
public final class CampaignSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private final CampaignSender sender;

  public CampaignSenderHandler() {
    this(CampaignsWiring.sender());
  }

  CampaignSenderHandler(CampaignSender sender) {
    this.sender = sender;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      CampaignQueue.SendBatch batch;
      try {
        batch = SqsCampaignQueue.readBatch(message.getBody());
      } catch (IllegalArgumentException e) {
        Log.info("campaign.batch-unreadable", Map.of("messageId", message.getMessageId()));
        continue;
      }
      try {
        sender.send(batch, message.getMessageId(),
            () -> Duration.ofMillis(context.getRemainingTimeInMillis()));
      } catch (RuntimeException e) {
        Log.error("campaign.batch-failed", e);
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }
}
