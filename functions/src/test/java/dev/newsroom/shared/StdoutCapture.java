package dev.newsroom.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures what the code under test writes to stdout (logs and metric lines) until closed:
 * {@code try (StdoutCapture out = StdoutCapture.start()) { ... out.metric("Signups") ... }}.
 */
public final class StdoutCapture implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final PrintStream previous = System.out;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private StdoutCapture() {
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
  }

  public static StdoutCapture start() {
    return new StdoutCapture();
  }

  public List<String> lines() {
    String text = bytes.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  /** Every line, parsed as the JSON object it must be. */
  public List<JsonNode> json() {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : lines()) {
      try {
        nodes.add(MAPPER.readTree(line));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException("not a JSON line: " + line, e);
      }
    }
    return nodes;
  }

  /** The EMF lines that declare {@code name}. */
  public List<JsonNode> metricLines(String name) {
    return json().stream().filter(node -> node.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name")
        .asText().equals(name)).toList();
  }

  /** The sum of {@code name} over the captured metric lines (0 when none). */
  public long metric(String name) {
    return metricLines(name).stream().mapToLong(node -> node.path(name).asLong()).sum();
  }

  @Override
  public void close() {
    System.setOut(previous);
  }
}
