package dev.newsroom.web;

import dev.newsroom.shared.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers, before it becomes an API Gateway response. */
public record HttpResponse(int status, Map<String, String> headers, String body) {

  public static final String JSON = "application/json; charset=utf-8";

  public HttpResponse {
    headers = Map.copyOf(headers);
  }

  public static HttpResponse json(int status, Object value) {
    return new HttpResponse(status, Map.of("Content-Type", JSON), JsonWriter.write(value));
  }

  public static HttpResponse noContent() {
    return new HttpResponse(204, Map.of(), "");
  }

  /** 303 See Other: the no-JS form flow lands on a page. */
  public static HttpResponse seeOther(String location) {
    return new HttpResponse(303, Map.of("Location", location, "Cache-Control", "no-store"), "");
  }

  public HttpResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpResponse(status, copy, body);
  }

  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
