package dev.newsroom.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.shared.Json;
import java.util.Arrays;
import java.util.Optional;

/**
 * How each dead-letter queue in template.yaml is redriven, named as the redrive command takes it.
 * What a message holds decides it: an SQS message moves back to its queue; an async invocation's
 * event (a function's {@code DeadLetterQueue}) or invocation record (an {@code OnFailure}
 * destination) is invoked again; a stream's batch pointer or a failed sweep only says that work
 * failed, so the work is redone once from the stored state.
 */
public enum RedrivePlan {

  /** Outbox stream pointers: the unsent outbox messages go to the mail sender again. */
  MAIL("mail", "MailDeadLetterQueue", "MailSenderFunction", "MailSenderFunction") {
    @Override
    Redriver.Outcome run(Redriver redriver, Targets targets) {
      return redriver.once(new MailResend(targets.unsentMail(), targets.functions(),
          targets.function()));
    }
  },
  /** SNS events (bounces, complaints); a repeat is a no-op per feedback id. */
  MAIL_FEEDBACK("mail-feedback", "MailFeedbackDeadLetterQueue", "MailFeedbackFunction",
      "MailFeedbackFunction") {
    @Override
    Redriver.Outcome run(Redriver redriver, Targets targets) {
      return redriver.each(body -> targets.functions().invokeAsync(targets.function(), body));
    }
  },
  /** Articles stream pointers: one rebuild renders every page from the table. */
  SITE("site", "SiteDeadLetterQueue", "SitePublisherFunction", "SiteRebuildFunction") {
    @Override
    Redriver.Outcome run(Redriver redriver, Targets targets) {
      return redriver.once(() -> targets.functions().invoke(targets.function(),
          "{\"reason\":\"redrive\"}"));
    }
  },
  /**
   * Failed minute sweeps. Nothing to replay: a job that failed stays due and the next minute's
   * sweep runs it, so the messages are only read and deleted.
   */
  SCHEDULE("schedule", "ScheduleDeadLetterQueue", "SweepDueJobsFunction", null) {
    @Override
    Redriver.Outcome run(Redriver redriver, Targets targets) {
      return redriver.once(() -> { });
    }
  },
  /** S3 upload events in Lambda's invocation records; the processor's claim makes a repeat safe. */
  IMAGES("images", "ImagesDeadLetterQueue", "ProcessImageFunction", "ProcessImageFunction") {
    @Override
    Redriver.Outcome run(Redriver redriver, Targets targets) {
      return redriver.each(body -> targets.functions().invokeAsync(targets.function(),
          requestPayload(body)));
    }
  },
  /** Campaign steps, moved back to CampaignJobsQueue. */
  CAMPAIGN_JOBS("campaign-jobs", "CampaignJobsDeadLetterQueue", "CampaignJobsQueue",
      "CampaignJobsQueue") {
    @Override
    Redriver.Outcome run(Redriver redriver, Targets targets) {
      return redriver.each(targets.queue()::send);
    }
  },
  /** Send batches, moved back to CampaignSendsQueue; recipient claims keep each send single. */
  CAMPAIGN_SENDS("campaign-sends", "CampaignSendsDeadLetterQueue", "CampaignSendsQueue",
      "CampaignSendsQueue") {
    @Override
    Redriver.Outcome run(Redriver redriver, Targets targets) {
      return redriver.each(targets.queue()::send);
    }
  },
  /** SNS events counted on campaigns; a repeat is a no-op per feedback id. */
  CAMPAIGN_FEEDBACK("campaign-feedback", "CampaignFeedbackDeadLetterQueue",
      "CampaignFeedbackFunction", "CampaignFeedbackFunction") {
    @Override
    Redriver.Outcome run(Redriver redriver, Targets targets) {
      return redriver.each(body -> targets.functions().invokeAsync(targets.function(), body));
    }
  };

  /**
   * Where the replayed work goes: the source queue, or the functions and the one to invoke, and
   * the outbox's unsent messages. A plan uses only its own.
   */
  public record Targets(WorkQueue queue, Functions functions, String function,
      UnsentMail unsentMail) {}

  private final String command;
  private final String deadLetterQueue;
  private final String source;
  private final String target;

  RedrivePlan(String command, String deadLetterQueue, String source, String target) {
    this.command = command;
    this.deadLetterQueue = deadLetterQueue;
    this.source = source;
    this.target = target;
  }

  abstract Redriver.Outcome run(Redriver redriver, Targets targets);

  public Redriver.Outcome redrive(DeadLetters dlq, Targets targets) {
    return run(new Redriver(dlq), targets);
  }

  /** The name the redrive command takes. */
  public String command() {
    return command;
  }

  /** The queue's logical id in template.yaml. */
  public String deadLetterQueue() {
    return deadLetterQueue;
  }

  /** The logical id of the queue or function whose failures land in the queue. */
  public String source() {
    return source;
  }

  /** The logical id of the queue or function the work goes back to; empty for none. */
  public Optional<String> target() {
    return Optional.ofNullable(target);
  }

  /** Whether the target is a queue (else a function). */
  public boolean movesToQueue() {
    return this == CAMPAIGN_JOBS || this == CAMPAIGN_SENDS;
  }

  public static Optional<RedrivePlan> forCommand(String command) {
    return Arrays.stream(values()).filter(plan -> plan.command.equals(command)).findFirst();
  }

  /** The event an invocation record was made for (Lambda's on-failure destination format). */
  static String requestPayload(String record) {
    JsonNode payload;
    try {
      payload = Json.mapper().readTree(record).get("requestPayload");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RedriveFailedException("not an invocation record");
    }
    if (payload == null || !payload.isObject()) {
      throw new RedriveFailedException("an invocation record without its request payload");
    }
    return payload.toString();
  }
}
