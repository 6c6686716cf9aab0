package dev.newsroom.subscriptions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.newsroom.config.LambdaInvocation;
import dev.newsroom.shared.Invocation;
import dev.newsroom.shared.Log;
import java.util.Map;
import java.util.Optional;

/**
 * SES bounce and complaint events, from the configuration set's SNS topic. The subscription is
 * authenticated by construction: the template subscribes this function to that one topic (the
 * Lambda permission names the topic as source), and the topic's policy lets only SES publish,
 * for this account's configuration set. So no signature is checked here. A message that is not
 * a bounce or complaint is logged by type and skipped; a store failure is thrown, so Lambda
 * retries the event and finally puts it in the DLQ.
 */
public final class MailFeedbackHandler implements RequestHandler<SNSEvent, Void> {

  private final MailFeedbackService feedback;

  public MailFeedbackHandler() {
    this(SubscriptionsWiring.feedback());
  }

  MailFeedbackHandler(MailFeedbackService feedback) {
    this.feedback = feedback;
  }

  @Override
  public Void handleRequest(SNSEvent event, Context context) {
    try (Invocation invocation = LambdaInvocation.open(context)) {
      for (SNSEvent.SNSRecord record : event.getRecords()) {
        Optional<MailFeedback> parsed = SesNotifications.parse(record.getSNS().getMessage());
        if (parsed.isEmpty()) {
          Log.info("mail-feedback.ignored", Map.of("snsMessageId",
              String.valueOf(record.getSNS().getMessageId())));
          continue;
        }
        feedback.record(parsed.get());
      }
    }
    return null;
  }
}
