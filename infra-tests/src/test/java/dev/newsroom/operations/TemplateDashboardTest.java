package dev.newsroom.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.infra.Templates;
import dev.newsroom.shared.Metric;
import dev.newsroom.shared.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The operations dashboard in template.yaml shows every business metric the code can emit (the
 * list is {@link Metric}), under the namespace and service dimension {@link Metrics} writes, next
 * to each function's errors, throttles and p99 duration and each dead-letter queue's depth.
 */
class TemplateDashboardTest {

  @Test
  void dashboard_showsEveryMetricTheCodeEmits_underItsNamespaceAndService() {
    Set<String> shown = new LinkedHashSet<>();
    for (JsonNode metric : metrics()) {
      if (metric.path(0).asText().equals(Metrics.NAMESPACE)) {
        assertThat(metric.path(2).asText()).as("dimension of %s", metric)
            .isEqualTo(Metrics.SERVICE_DIMENSION);
        assertThat(metric.path(3).asText()).as("service of %s", metric)
            .isEqualTo("${AWS::StackName}");
        shown.add(metric.path(1).asText());
      }
    }

    assertThat(shown).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(Metric.values()).map(Metric::cloudWatchName).toList());
    assertThat(Templates.template().at("/Globals/Function/Environment/Variables/SERVICE_NAME")
        .asText()).as("the service dimension the functions write").isEqualTo("AWS::StackName");
  }

  @Test
  void dashboard_showsErrorsThrottlesAndP99DurationOfEveryFunction() {
    Set<String> functions = Templates.resources("AWS::Serverless::Function").keySet();

    for (String lambdaMetric : List.of("Errors", "Throttles", "Duration")) {
      assertThat(dimensionValues("AWS/Lambda", lambdaMetric)).as(lambdaMetric)
          .containsAll(functions.stream().map(id -> "${" + id + "}").toList());
    }
    assertThat(widgets()).anySatisfy(widget -> {
      assertThat(widget.at("/properties/stat").asText()).isEqualTo("p99");
      assertThat(widget.at("/properties/metrics/0/1").asText()).isEqualTo("Duration");
    });
  }

  @Test
  void dashboard_showsTheDepthOfEveryDeadLetterQueue() {
    Set<String> queues = new LinkedHashSet<>();
    Templates.resources("AWS::SQS::Queue").keySet().stream()
        .filter(id -> id.endsWith("DeadLetterQueue")).forEach(queues::add);

    assertThat(queues).isNotEmpty();
    assertThat(dimensionValues("AWS/SQS", "ApproximateNumberOfMessagesVisible"))
        .containsAll(queues.stream().map(id -> "${" + id + ".QueueName}").toList());
  }

  private static List<JsonNode> widgets() {
    JsonNode body;
    try {
      body = new ObjectMapper().readTree(Templates.resources("AWS::CloudWatch::Dashboard")
          .get("OperationsDashboard").path("DashboardBody").asText());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("DashboardBody is not JSON", e);
    }
    List<JsonNode> widgets = new ArrayList<>();
    body.path("widgets").forEach(widgets::add);
    return widgets;
  }

  private static List<JsonNode> metrics() {
    List<JsonNode> metrics = new ArrayList<>();
    widgets().forEach(widget -> widget.at("/properties/metrics").forEach(metrics::add));
    return metrics;
  }

  private static Set<String> dimensionValues(String namespace, String metricName) {
    Set<String> values = new LinkedHashSet<>();
    for (JsonNode metric : metrics()) {
      if (metric.path(0).asText().equals(namespace) && metric.path(1).asText().equals(metricName)) {
        values.add(metric.path(3).asText());
      }
    }
    return values;
  }
}
