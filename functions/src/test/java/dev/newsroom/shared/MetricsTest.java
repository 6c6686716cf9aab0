package dev.newsroom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void count_whenCalled_writesOneEmbeddedMetricFormatLine() {
    try (StdoutCapture out = StdoutCapture.start()) {
      Metrics.count(Metric.SIGNUPS, 3);

      assertThat(out.lines()).hasSize(1);
      JsonNode line = out.json().get(0);
      JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
      assertThat(directive.path("Namespace").asText()).isEqualTo("Newsroom");
      assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"service\"]]");
      assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("Signups");
      assertThat(directive.at("/Metrics/0/Unit").asText()).isEqualTo("Count");
      assertThat(line.at("/_aws/Timestamp").isIntegralNumber()).isTrue();
      assertThat(line.path("service").asText()).isEqualTo("newsroom");
      assertThat(line.path("Signups").asLong()).isEqualTo(3);
    }
  }

  @Test
  void count_withDimension_addsTheFinerSeriesNextToTheTotal() {
    try (StdoutCapture out = StdoutCapture.start()) {
      Metrics.count(Metric.EMAILS_SENT, 1, "kind", "confirmation");

      JsonNode line = out.json().get(0);
      assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions").toString())
          .isEqualTo("[[\"service\"],[\"service\",\"kind\"]]");
      assertThat(line.path("kind").asText()).isEqualTo("confirmation");
      assertThat(out.metric("EmailsSent")).isEqualTo(1);
    }
  }

  @Test
  void count_whenValueIsNotACategoryName_countsItAsOther() {
    try (StdoutCapture out = StdoutCapture.start()) {
      for (String value : List.of("reader@example.org", "nrk.AbCdEf123456.secret", "Page",
          "", "x".repeat(41))) {
        Metrics.count(Metric.EMAILS_FAILED, 1, "kind", value);
      }
      Metrics.count(Metric.EMAILS_FAILED, 1, "kind", null);

      assertThat(out.json()).hasSize(6)
          .allSatisfy(line -> assertThat(line.path("kind").asText()).isEqualTo("other"));
      assertThat(String.join("\n", out.lines())).doesNotContain("@").doesNotContain("nrk.");
    }
  }

  @Test
  void count_whenDimensionNameIsNotAName_isRefused() {
    assertThatThrownBy(() -> Metrics.count(Metric.BOUNCES, 1, "Type Of", "hard"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void count_insideAnInvocation_carriesItsFields() {
    try (StdoutCapture out = StdoutCapture.start();
        Invocation invocation = Invocation.open("newsroom-dev", "newsroom-Subscribe", "req-1",
            null)) {
      Metrics.count(Metric.CONFIRMATIONS, 1);

      JsonNode line = out.metricLines("Confirmations").get(0);
      assertThat(line.path("service").asText()).as("the stack's service dimension")
          .isEqualTo("newsroom-dev");
      assertThat(out.lines().stream().filter(l -> l.contains("\"Confirmations\"")).findFirst()
          .orElseThrow().split("\"service\":", -1)).as("one service member").hasSize(2);
      assertThat(line.path("function_name").asText()).isEqualTo("newsroom-Subscribe");
      assertThat(line.path("function_request_id").asText()).isEqualTo("req-1");
    }
  }

  @Test
  void metricNames_areUniqueAndCloudWatchShaped() {
    List<String> names = java.util.Arrays.stream(Metric.values()).map(Metric::cloudWatchName)
        .toList();

    assertThat(names).doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(name).matches("[A-Z][A-Za-z]+"));
  }
}
