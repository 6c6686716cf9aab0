package dev.newsroom.campaigns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.shared.Json;
import dev.newsroom.shared.Log;
import java.io.IOException;
import java.util.Map;

/**
 * SES bounce and complaint events from the configuration set's topic (the same topic the
 * subscriptions feature suppresses addresses from), counted on the campaign named by the
 * message's tags. Mail without campaign tags (confirmations, tests) is ignored. A store failure
 * is thrown, so Lambda retries the event and finally puts it in the DLQ.
 */
public final class CampaignFeedbackHandler implements RequestHandler<SNSEvent, Void> {

  private final CampaignFeedback feedback;

  public CampaignFeedbackHandler() {
    this(CampaignsWiring.feedback());
  }

  CampaignFeedbackHandler(CampaignFeedback feedback) {
    this.feedback = feedback;
  }

  @Override
  public Void handleRequest(SNSEvent event, Context context) {
    for (SNSEvent.SNSRecord record : event.getRecords()) {
      JsonNode message;
      try {
        message = Json.mapper().readTree(record.getSNS().getMessage());
      } catch (IOException | RuntimeException e) {
        Log.info("campaign.feedback-unreadable", Map.of("snsMessageId",
            String.valueOf(record.getSNS().getMessageId())));
        continue;
      }
      String type = message.path("eventType").asText(message.path("notificationType").asText());
      String kind = switch (type) {
        case "Bounce" -> "bounce";
        case "Complaint" -> "complaint";
        default -> null;
      };
      JsonNode tags = message.path("mail").path("tags");
      String campaign = tags.path("campaign").path(0).asText(null);
      String recipient = tags.path("recipient").path(0).asText(null);
      if (kind == null || campaign == null || recipient == null || "test".equals(recipient)) {
        continue;
      }
      feedback.record(campaign, recipient, kind);
    }
    return null;
  }
}
