package dev.newsroom.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.infra.Templates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every dead-letter queue in template.yaml has a redrive plan, and each plan names where the
 * template says its messages come from: the queue whose redrive policy names the DLQ (and the work
 * goes back there), or the function whose dead-letter target or on-failure destination does. The
 * stack outputs name what the command takes.
 */
class RedrivePlanTemplateTest {

  @Test
  void everyDeadLetterQueue_hasARedrivePlan() {
    List<String> queues = Templates.resources("AWS::SQS::Queue").keySet().stream()
        .filter(id -> id.endsWith("DeadLetterQueue")).toList();

    assertThat(queues).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(RedrivePlan.values()).map(RedrivePlan::deadLetterQueue).toList());
  }

  @Test
  void everyPlan_sendsTheWorkBackToWhereTheTemplateSaysItFailed() {
    Map<String, JsonNode> queues = Templates.resources("AWS::SQS::Queue");
    Map<String, JsonNode> functions = Templates.resources("AWS::Serverless::Function");
    for (RedrivePlan plan : RedrivePlan.values()) {
      String dlq = plan.deadLetterQueue();
      if (plan.movesToQueue()) {
        assertThat(plan.target()).as(plan.command()).contains(plan.source());
        assertThat(queues.get(plan.source()).at("/RedrivePolicy/deadLetterTargetArn")
            .toString()).as(plan.command()).contains(dlq);
      } else {
        assertThat(failureTargets(functions.get(plan.source()))).as(plan.command())
            .anySatisfy(target -> assertThat(target).contains(dlq));
        plan.target().ifPresent(target -> assertThat(functions).as(plan.command())
            .containsKey(target));
      }
    }
  }

  @Test
  void stackOutputs_nameEveryDeadLetterQueueAndTarget() {
    JsonNode outputs = Templates.template().path("Outputs");
    for (RedrivePlan plan : RedrivePlan.values()) {
      assertThat(outputs.has(plan.deadLetterQueue() + "Url")).as(plan.deadLetterQueue()).isTrue();
      plan.target().ifPresent(target -> assertThat(outputs.has(target + "Url")
          || outputs.has(target + "Name")).as(target).isTrue());
    }
  }

  /** Where a function's failed invocations go: DLQ, async destination, stream destinations. */
  private static List<String> failureTargets(JsonNode function) {
    List<String> targets = new ArrayList<>();
    targets.add(function.at("/DeadLetterQueue/TargetArn").toString());
    targets.add(function.at("/EventInvokeConfig/DestinationConfig/OnFailure/Destination")
        .toString());
    function.path("Events").forEach(event -> targets.add(
        event.at("/Properties/DestinationConfig/OnFailure/Destination").toString()));
    return targets;
  }
}
