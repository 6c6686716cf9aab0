package dev.newsroom.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.shared.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RedrivePlanTest {

  private final InMemoryFunctions functions = new InMemoryFunctions();
  private final List<String> sent = new ArrayList<>();

  private RedrivePlan.Targets targets(String function, UnsentMail unsent) {
    return new RedrivePlan.Targets(sent::add, functions, function, unsent);
  }

  @Test
  void campaignSends_whenRedriven_movesEachMessageBackToItsQueueUnchanged() {
    InMemoryDeadLetters dlq = new InMemoryDeadLetters().add("{\"batch\":1}", "{\"batch\":2}");

    Redriver.Outcome outcome = RedrivePlan.CAMPAIGN_SENDS.redrive(dlq, targets(null, null));

    assertThat(sent).containsExactly("{\"batch\":1}", "{\"batch\":2}");
    assertThat(outcome.redriven()).isEqualTo(2);
    assertThat(dlq.remaining()).isEmpty();
  }

  @Test
  void images_whenRedriven_invokesTheProcessorWithTheRecordsRequestPayload() {
    String record = "{\"version\":\"1.0\",\"requestContext\":{\"condition\":\"RetriesExhausted\"},"
        + "\"requestPayload\":{\"Records\":[{\"s3\":{\"object\":{\"key\":\"uploads/i1\"}}}]},"
        + "\"responsePayload\":{\"errorType\":\"OutOfMemoryError\"}}";
    InMemoryDeadLetters dlq = new InMemoryDeadLetters().add(record);

    RedrivePlan.IMAGES.redrive(dlq, targets("process-image", null));

    assertThat(functions.calls).containsExactly(new InMemoryFunctions.Call("process-image",
        "{\"Records\":[{\"s3\":{\"object\":{\"key\":\"uploads/i1\"}}}]}", true));
    assertThat(dlq.remaining()).isEmpty();
  }

  @Test
  void images_whenMessageIsNoInvocationRecord_keepsItAndInvokesNothing() {
    InMemoryDeadLetters dlq = new InMemoryDeadLetters().add("{\"Records\":[]}", "not json");

    Redriver.Outcome outcome = RedrivePlan.IMAGES.redrive(dlq, targets("process-image", null));

    assertThat(functions.calls).isEmpty();
    assertThat(outcome).isEqualTo(new Redriver.Outcome(0, 2));
  }

  @Test
  void mailFeedback_whenRedriven_invokesTheFunctionAsynchronouslyWithTheEventAsIs() {
    String snsEvent = "{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Message\":\"{}\"}}]}";
    InMemoryDeadLetters dlq = new InMemoryDeadLetters().add(snsEvent);

    RedrivePlan.MAIL_FEEDBACK.redrive(dlq, targets("mail-feedback", null));

    assertThat(functions.calls).containsExactly(
        new InMemoryFunctions.Call("mail-feedback", snsEvent, true));
  }

  @Test
  void site_whenManyBatchesFailed_runsOneRebuildSynchronously() {
    InMemoryDeadLetters dlq = new InMemoryDeadLetters().add("p1", "p2", "p3");

    Redriver.Outcome outcome = RedrivePlan.SITE.redrive(dlq, targets("site-rebuild", null));

    assertThat(functions.calls).extracting(InMemoryFunctions.Call::function,
        InMemoryFunctions.Call::async).containsExactly(
            org.assertj.core.groups.Tuple.tuple("site-rebuild", false));
    assertThat(outcome).isEqualTo(new Redriver.Outcome(3, 0));
  }

  @Test
  void schedule_whenRedriven_deletesTheMessagesAndReplaysNothing() {
    InMemoryDeadLetters dlq = new InMemoryDeadLetters().add("sweep");

    Redriver.Outcome outcome = RedrivePlan.SCHEDULE.redrive(dlq, targets(null, null));

    assertThat(functions.calls).isEmpty();
    assertThat(sent).isEmpty();
    assertThat(outcome).isEqualTo(new Redriver.Outcome(1, 0));
  }

  @Test
  void mail_whenRedriven_handsEveryUnsentIdToTheSenderAsInsertRecordsTenAtATime() {
    List<String> unsent = IntStream.range(0, 23).mapToObj(i -> "confirm#" + i).toList();
    InMemoryDeadLetters dlq = new InMemoryDeadLetters().add("{\"DDBStreamBatchInfo\":{}}");
    functions.replying(payload -> "{\"batchItemFailures\":[]}");

    Redriver.Outcome outcome = RedrivePlan.MAIL.redrive(dlq, targets("mail-sender", () -> unsent));

    assertThat(functions.calls).hasSize(3).allSatisfy(call -> {
      assertThat(call.function()).isEqualTo("mail-sender");
      assertThat(call.async()).isFalse();
    });
    List<String> handed = new ArrayList<>();
    for (InMemoryFunctions.Call call : functions.calls) {
      for (JsonNode record : read(call.payload()).path("Records")) {
        assertThat(record.path("eventName").asText()).isEqualTo("INSERT");
        handed.add(record.at("/dynamodb/Keys/id/S").asText());
      }
    }
    assertThat(handed).isEqualTo(unsent);
    assertThat(read(functions.calls.get(0).payload()).path("Records")).hasSize(10);
    assertThat(outcome).isEqualTo(new Redriver.Outcome(1, 0));
  }

  @Test
  void mail_whenTheSenderReportsAFailure_keepsTheDeadLettersForAnotherRun() {
    InMemoryDeadLetters dlq = new InMemoryDeadLetters().add("{\"DDBStreamBatchInfo\":{}}");
    functions.replying(payload -> "{\"batchItemFailures\":[{\"itemIdentifier\":\"1\"}]}");

    Redriver.Outcome outcome = RedrivePlan.MAIL.redrive(dlq,
        targets("mail-sender", () -> List.of("confirm#1")));

    assertThat(outcome).isEqualTo(new Redriver.Outcome(0, 1));
    assertThat(dlq.remaining()).hasSize(1);
  }

  @Test
  void forCommand_whenNameIsATemplateQueue_findsItsPlan() {
    assertThat(RedrivePlan.forCommand("campaign-jobs")).contains(RedrivePlan.CAMPAIGN_JOBS);
    assertThat(RedrivePlan.forCommand("CampaignJobsDeadLetterQueue")).isEmpty();
  }

  private static JsonNode read(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
