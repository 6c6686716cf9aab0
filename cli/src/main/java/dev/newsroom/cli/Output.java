package dev.newsroom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/** Lines for people, or with {@code --json} exactly one JSON document on standard output. */
final class Output {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final PrintWriter out;
  private final boolean json;

  Output(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  boolean json() {
    return json;
  }

  void line(String text) {
    if (!json) {
      out.println(text);
      out.flush();
    }
  }

  void document(Object value) {
    if (json) {
      try {
        out.println(PRETTY.writeValueAsString(value));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write JSON", e);
      }
      out.flush();
    }
  }
}
