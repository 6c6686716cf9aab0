package dev.newsroom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvocationTest {

  @Test
  void logLine_insideAnInvocation_namesFunctionRequestAndTrace() {
    try (StdoutCapture out = StdoutCapture.start();
        Invocation invocation = Invocation.open("newsroom-dev", "newsroom-GetArticle", "req-7",
            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")) {
      Log.info("article.read", Map.of("slug", "hello"));

      JsonNode line = out.json().stream().filter(l -> l.has("event")).findFirst().orElseThrow();
      assertThat(line.path("event").asText()).isEqualTo("article.read");
      assertThat(line.path("slug").asText()).isEqualTo("hello");
      assertThat(line.path("function_name").asText()).isEqualTo("newsroom-GetArticle");
      assertThat(line.path("function_request_id").asText()).isEqualTo("req-7");
      assertThat(line.path("xray_trace_id").asText())
          .isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
      assertThat(line.path("cold_start").isBoolean()).isTrue();
    }
  }

  @Test
  void open_firstInAContainer_isTheColdStartAndSaysSoOnce() {
    Invocation.newContainer();
    try (StdoutCapture out = StdoutCapture.start()) {
      try (Invocation first = Invocation.open("newsroom-dev", "f", "req-1", null)) {
        Log.info("first", Map.of());
      }
      try (Invocation second = Invocation.open("newsroom-dev", "f", "req-2", null)) {
        Log.info("second", Map.of());
      }

      assertThat(out.metric("ColdStarts")).isEqualTo(1);
      assertThat(out.metricLines("ColdStarts").get(0).path("function_request_id").asText())
          .isEqualTo("req-1");
      assertThat(out.json()).filteredOn(l -> l.path("event").asText().equals("first"))
          .singleElement().satisfies(l -> assertThat(l.path("cold_start").asBoolean()).isTrue());
      assertThat(out.json()).filteredOn(l -> l.path("event").asText().equals("second"))
          .singleElement().satisfies(l -> assertThat(l.path("cold_start").asBoolean()).isFalse());
    }
  }

  @Test
  void close_endsTheFields_andRestoresAnOuterOne() {
    try (StdoutCapture out = StdoutCapture.start()) {
      try (Invocation outer = Invocation.open("newsroom-dev", "outer", "req-o", null)) {
        try (Invocation inner = Invocation.open("newsroom-dev", "inner", "req-i", null)) {
          Log.info("in", Map.of());
        }
        Log.info("back", Map.of());
      }
      Log.info("after", Map.of());

      assertThat(out.json()).filteredOn(l -> l.has("event")).extracting(
          l -> l.path("function_name").asText("-")).containsExactly("inner", "outer", "-");
    }
  }

  @Test
  void none_addsNoFields() {
    try (StdoutCapture out = StdoutCapture.start(); Invocation none = Invocation.none()) {
      Log.info("plain", Map.of("n", 1));
      none.close();

      assertThat(out.lines()).singleElement().satisfies(line -> assertThat(line)
          .doesNotContain("function_").doesNotContain("cold_start"));
    }
  }

  @Test
  void traceRoot_whenHeaderHasNoRoot_isNull() {
    assertThat(Invocation.traceRoot("Parent=1;Sampled=0")).isNull();
    assertThat(Invocation.traceRoot(null)).isNull();
  }
}
