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
 * The jobs queue: audience expansion, requeue after a resume, sweep after a cancel. A job that
 * fails returns to the queue (partial batch response) and, after the queue's receive limit,
 * goes to its DLQ; a body that is not a job is logged and dropped.
 */
public final class CampaignJobsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private final AudienceWork work;

  public CampaignJobsHandler() {
    this(CampaignsWiring.work());
  }

  CampaignJobsHandler(AudienceWork work) {
    this.work = work;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      CampaignQueue.Job job;
      try {
        job = SqsCampaignQueue.readJob(message.getBody());
      } catch (IllegalArgumentException e) {
        Log.info("campaign.job-unreadable", Map.of("messageId", message.getMessageId()));
        continue;
      }
      try {
        work.run(job, message.getMessageId(),
            () -> Duration.ofMillis(context.getRemainingTimeInMillis()));
      } catch (RuntimeException e) {
        Log.error("campaign.job-failed", e);
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }
}
