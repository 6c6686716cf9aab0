package dev.newsroom.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.infra.Templates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What operators rely on, read from template.yaml so that every table, function, queue and route
 * that lands is held to it: recovery, alarms, throttles and concurrency caps.
 */
class TemplateOperationsTest {

  /** SAM policy templates and actions that let a function change state or send something. */
  private static final Set<String> WRITE_POLICIES = Set.of("DynamoDBCrudPolicy",
      "DynamoDBWritePolicy", "S3CrudPolicy", "S3WritePolicy", "S3FullAccessPolicy",
      "SQSSendMessagePolicy", "SNSPublishMessagePolicy", "SESCrudPolicy", "SESBulkTemplatedCrudPolicy",
      "SESEmailTemplateCrudPolicy", "SESSendBouncePolicy");
  private static final Pattern WRITE_ACTION = Pattern.compile(
      "(?i)(dynamodb:(Put|Update|Delete|BatchWrite|TransactWrite).*|s3:(Put|Delete).*"
          + "|ses:Send.*|sqs:SendMessage.*|sns:Publish)");

  @Test
  void everyTable_hasPointInTimeRecovery() {
    Map<String, JsonNode> tables = Templates.resources("AWS::DynamoDB::Table");

    assertThat(tables).isNotEmpty();
    tables.forEach((id, props) -> assertThat(
        props.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean())
        .as("%s has PointInTimeRecoveryEnabled: true", id).isTrue());
  }

  @Test
  void everyFunction_hasAnErrorAlarmToTheAlarmTopic() {
    Set<String> functions = Templates.resources("AWS::Serverless::Function").keySet();
    Set<String> alarmed = new LinkedHashSet<>();
    alarms().forEach(alarm -> {
      if (alarm.path("Namespace").asText().equals("AWS/Lambda")
          && alarm.path("MetricName").asText().equals("Errors")
          && notifiesAlarmTopic(alarm) && firesOnFirst(alarm)) {
        alarmed.add(dimension(alarm, "FunctionName"));
      }
    });

    assertThat(alarmed).as("functions with an Errors > 0 alarm that notifies AlarmTopic; add a"
        + " <Function>ErrorsAlarm like the others for each missing one").containsAll(functions);
  }

  @Test
  void httpApi_hasA5xxAlarm_becauseHandlersAnswerTheirOwnFailures() {
    assertThat(alarms()).anySatisfy(alarm -> {
      assertThat(alarm.path("Namespace").asText()).isEqualTo("AWS/ApiGateway");
      assertThat(alarm.path("MetricName").asText()).isEqualTo("5xx");
      assertThat(dimension(alarm, "ApiId")).isEqualTo("HttpApi");
      assertThat(notifiesAlarmTopic(alarm) && firesOnFirst(alarm)).isTrue();
    });
  }

  @Test
  void everyDeadLetterQueue_hasADepthAlarm() {
    Set<String> deadLetterQueues = deadLetterQueues();
    Set<String> watched = new LinkedHashSet<>();
    alarms().forEach(alarm -> {
      if (alarm.path("Namespace").asText().equals("AWS/SQS")
          && alarm.path("MetricName").asText().equals("ApproximateNumberOfMessagesVisible")
          && notifiesAlarmTopic(alarm) && firesOnFirst(alarm)) {
        watched.add(dimension(alarm, "QueueName").replace(".QueueName", ""));
      }
    });

    assertThat(deadLetterQueues).isNotEmpty();
    assertThat(watched).as("DLQs with an ApproximateNumberOfMessagesVisible > 0 alarm")
        .containsAll(deadLetterQueues);
  }

  @Test
  void sesReputation_alarmsBeforeSesReviewsTheAccount() {
    assertThat(alarms()).anySatisfy(alarm -> {
      assertThat(alarm.path("Namespace").asText()).isEqualTo("AWS/SES");
      assertThat(alarm.path("MetricName").asText()).isEqualTo("Reputation.BounceRate");
      assertThat(alarm.path("Threshold").asDouble()).isEqualTo(0.04);
      assertThat(alarm.path("ComparisonOperator").asText())
          .isEqualTo("GreaterThanOrEqualToThreshold");
      assertThat(notifiesAlarmTopic(alarm)).isTrue();
    });
    assertThat(alarms()).anySatisfy(alarm -> {
      assertThat(alarm.path("Namespace").asText()).isEqualTo("AWS/SES");
      assertThat(alarm.path("MetricName").asText()).isEqualTo("Reputation.ComplaintRate");
      assertThat(alarm.path("Threshold").asDouble()).isEqualTo(0.0008);
      assertThat(alarm.path("ComparisonOperator").asText())
          .isEqualTo("GreaterThanOrEqualToThreshold");
      assertThat(notifiesAlarmTopic(alarm)).isTrue();
    });
  }

  @Test
  void alarmTopic_mailsTheAlarmEmailParameter() {
    JsonNode template = Templates.template();
    assertThat(template.at("/Parameters/AlarmEmail/Type").asText()).isEqualTo("String");
    assertThat(Templates.resources("AWS::SNS::Subscription").values()).anySatisfy(sub -> {
      assertThat(sub.path("TopicArn").asText()).isEqualTo("AlarmTopic");
      assertThat(sub.path("Protocol").asText()).isEqualTo("email");
      assertThat(sub.path("Endpoint").asText()).isEqualTo("AlarmEmail");
    });
  }

  @Test
  void everyWritingFunction_hasASmallReservedConcurrency() {
    List<String> writers = new ArrayList<>();
    Templates.resources("AWS::Serverless::Function").forEach((id, props) -> {
      if (writes(props)) {
        writers.add(id);
        JsonNode reserved = props.path("ReservedConcurrentExecutions");
        if (reserved.isTextual() && !reserved.asText().matches("\\d+")) {
          // !Ref to a parameter: the campaign sender's, sized to the SES rate it shares. The
          // parameter bounds it instead (at least 2, at most 100).
          JsonNode parameter = Templates.template().path("Parameters").path(reserved.asText());
          assertThat(parameter.path("MinValue").asInt(0)).as("%s: MinValue of %s", id,
              reserved.asText()).isGreaterThanOrEqualTo(1);
          assertThat(parameter.path("MaxValue").asInt(Integer.MAX_VALUE)).as(
              "%s: MaxValue of %s", id, reserved.asText()).isBetween(1, 100);
          return;
        }
        // Either a number or !If [ReservingConcurrency, n, !Ref AWS::NoValue].
        int value = reserved.isArray() ? reserved.path(1).asInt() : reserved.asInt();
        assertThat(value).as("%s writes, so it needs ReservedConcurrentExecutions 1..20"
            + " (!If [ReservingConcurrency, n, !Ref AWS::NoValue])", id).isBetween(1, 20);
        if (reserved.isArray()) {
          assertThat(reserved.path(0).asText()).isEqualTo("ReservingConcurrency");
        }
      }
    });

    assertThat(writers).as("the template has writing functions").isNotEmpty();
  }

  // ---- campaigns (issue 11): an SQS event source refuses a MaximumConcurrency below 2
  @Test
  void everySqsEventSourcesMaximumConcurrency_isBetween2And1000() {
    List<String> checked = new ArrayList<>();
    Templates.resources("AWS::Serverless::Function").forEach((id, props) ->
        props.path("Events").fields().forEachRemaining(event -> {
          JsonNode max = event.getValue().at("/Properties/ScalingConfig/MaximumConcurrency");
          if (max.isMissingNode()) {
            return;
          }
          checked.add(id + "." + event.getKey());
          if (max.isTextual() && !max.asText().matches("\\d+")) {
            JsonNode parameter = Templates.template().path("Parameters").path(max.asText());
            assertThat(parameter.path("MinValue").asInt(0)).as("%s: MinValue of %s", id,
                max.asText()).isBetween(2, 1000);
            assertThat(parameter.path("Default").asInt(0)).as("%s: Default of %s", id,
                max.asText()).isBetween(2, 1000);
          } else {
            assertThat(max.asInt()).as("%s: MaximumConcurrency", id).isBetween(2, 1000);
          }
        }));

    assertThat(checked).as("the campaign sender's queue sets it").isNotEmpty();
  }

  @Test
  void httpApi_throttlesEveryRoute_andPublicWritesMoreTightly() {
    JsonNode api = Templates.resources("AWS::Serverless::HttpApi").get("HttpApi");
    JsonNode defaults = api.path("DefaultRouteSettings");
    int defaultBurst = defaults.path("ThrottlingBurstLimit").asInt(0);
    double defaultRate = defaults.path("ThrottlingRateLimit").asDouble(0);
    assertThat(defaultBurst).as("default burst limit").isPositive();
    assertThat(defaultRate).as("default rate limit").isPositive();

    for (Templates.Route route : Templates.routes()) {
      if (route.admin() || route.method().equals("GET") || route.method().equals("HEAD")) {
        continue;
      }
      JsonNode settings = api.path("RouteSettings").path(route.key());
      assertThat(settings.isMissingNode())
          .as("public write route %s needs HttpApi RouteSettings \"%s\" with a burst and rate"
              + " below the defaults", route.key(), route.key()).isFalse();
      assertThat(settings.path("ThrottlingBurstLimit").asInt()).isBetween(1, defaultBurst - 1);
      assertThat(settings.path("ThrottlingRateLimit").asDouble()).isGreaterThan(0)
          .isLessThan(defaultRate);
    }
  }

  @Test
  void rateLimits_keepTheirStatedValuesUnlessAnOperatorScalesThem() {
    JsonNode parameter = Templates.template().at("/Parameters/RateLimitMultiplier");
    assertThat(parameter.path("Default").asInt()).isEqualTo(1);
    assertThat(parameter.path("MinValue").asInt()).isEqualTo(1);
    Templates.resources("AWS::Serverless::Function").forEach((id, props) -> {
      JsonNode env = props.at("/Environment/Variables");
      if (env.has("RATE_LIMITS_TABLE")) {
        assertThat(env.path("RATE_LIMIT_MULTIPLIER").asText())
            .as("%s limits requests, so it takes the operators' multiplier", id)
            .isEqualTo("RateLimitMultiplier");
      }
    });
  }

  private static boolean writes(JsonNode function) {
    for (JsonNode policy : function.path("Policies")) {
      if (policy.isTextual() && policy.asText().matches(".*(FullAccess|Write).*")) {
        return true;
      }
      for (var it = policy.fieldNames(); it.hasNext(); ) {
        if (WRITE_POLICIES.contains(it.next())) {
          return true;
        }
      }
      for (JsonNode statement : policy.path("Statement")) {
        JsonNode actions = statement.path("Action");
        for (JsonNode action : actions.isArray() ? actions : List.of(actions)) {
          if (WRITE_ACTION.matcher(action.asText()).matches()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Queues a function's event source or another queue sends failures to. */
  private static Set<String> deadLetterQueues() {
    Set<String> queues = new LinkedHashSet<>();
    JsonNode resources = Templates.template().path("Resources");
    resources.fields().forEachRemaining(e -> {
      e.getValue().findValues("OnFailure").forEach(onFailure -> {
        if ("SQS".equals(onFailure.path("Type").asText())) {
          queues.add(onFailure.path("Destination").asText().replace(".Arn", ""));
        }
      });
      e.getValue().findValues("deadLetterTargetArn").forEach(arn ->
          queues.add(arn.asText().replace(".Arn", "")));
      e.getValue().findValues("DeadLetterQueue").forEach(dlq -> {
        if (dlq.has("TargetArn")) {
          queues.add(dlq.path("TargetArn").asText().replace(".Arn", ""));
        }
      });
      if ("AWS::SQS::Queue".equals(e.getValue().path("Type").asText())
          && e.getKey().matches(".*(DeadLetter|Dlq|DLQ).*")) {
        queues.add(e.getKey());
      }
    });
    return queues;
  }

  private static List<JsonNode> alarms() {
    return List.copyOf(Templates.resources("AWS::CloudWatch::Alarm").values());
  }

  private static boolean notifiesAlarmTopic(JsonNode alarm) {
    for (JsonNode action : alarm.path("AlarmActions")) {
      if (action.asText().equals("AlarmTopic")) {
        return true;
      }
    }
    return false;
  }

  /** Fires on the first occurrence: more than zero in one evaluation period. */
  private static boolean firesOnFirst(JsonNode alarm) {
    String op = alarm.path("ComparisonOperator").asText();
    double threshold = alarm.path("Threshold").asDouble();
    return alarm.path("EvaluationPeriods").asInt() == 1
        && ((op.equals("GreaterThanThreshold") && threshold == 0)
            || (op.equals("GreaterThanOrEqualToThreshold") && threshold == 1));
  }

  private static String dimension(JsonNode alarm, String name) {
    for (JsonNode d : alarm.path("Dimensions")) {
      if (d.path("Name").asText().equals(name)) {
        return d.path("Value").asText();
      }
    }
    return "";
  }
}
