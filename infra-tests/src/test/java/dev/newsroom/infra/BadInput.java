package dev.newsroom.infra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of hostile requests for any route: random JSON, wrong types, huge strings, invalid
 * UTF-8, deep nesting, form bodies with repeated keys, odd content types and credentials, and
 * every path and query parameter filled with junk, traversal or valid values.
 */
public final class BadInput {

  /** One generated request for one route, printable in a failure report. */
  public record Attack(Templates.Route route, Map<String, String> path, Map<String, String> query,
      Map<String, String> headers, Body body, String sourceIp) {

    public ApiCall toCall() {
      ApiCall call = ApiCall.to(route).from(sourceIp);
      path.forEach(call::path);
      query.forEach(call::query);
      headers.forEach(call::header);
      body.applyTo(call);
      return call;
    }

    @Override
    public String toString() {
      // Credentials are shown by shape only: failure reports must not carry a live key.
      Map<String, String> shown = new java.util.LinkedHashMap<>(headers);
      shown.computeIfPresent("authorization", (k, v) -> v.replaceAll("[A-Za-z0-9_-]{8,}", "<"
          + "redacted>"));
      return route.key() + " path=" + clip(path.toString()) + " query=" + clip(query.toString())
          + " headers=" + clip(shown.toString()) + " body=" + body + " ip=" + sourceIp;
    }
  }

  /** A body as sent: text, or bytes that API Gateway would base64-encode. */
  public record Body(String kind, String text, byte[] bytes) {

    void applyTo(ApiCall call) {
      if (bytes != null) {
        call.bytes(null, bytes);
      } else if (text != null) {
        call.text(null, text);
      }
    }

    @Override
    public String toString() {
      String shown = bytes != null ? bytes.length + " bytes" : text == null ? "none" : clip(text);
      return kind + ":" + shown;
    }
  }

  /** Above the handlers' 256 KB body limit. */
  static final String OVERSIZED = "{\"title\":\"" + "x".repeat(300 * 1024) + "\"}";

  static final List<String> TRAVERSAL = List.of("..", "../..", "../../etc/passwd",
      "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f", "....//....//", "..\\..\\windows", "/etc/passwd",
      "a/../../b", "%252e%252e%252f", ".", "~", "a\u0000b", "index.html", "../index.html");

  private BadInput() {}

  public static Arbitrary<Attack> against(Templates.Route route, List<String> editorKeys) {
    // The route's acceptable sample, so that mutations of it reach the validators' depths.
    var sample = SampleRequests.acceptable(route, editorKeys.get(0));
    Map<String, String> samplePath = sample.getPathParameters() == null ? Map.of()
        : sample.getPathParameters();
    Arbitrary<Map<String, String>> path = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, pathParameters(route)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(samplePath)));
    Arbitrary<Map<String, String>> query = Arbitraries.maps(
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.of(List.copyOf(Templates.knownQueryNames()))),
            net.jqwik.api.Tuple.of(1, junkText(12))),
        parameterValue()).ofMaxSize(4);
    Arbitrary<Map<String, String>> headers = headers(editorKeys);
    Arbitrary<String> ip = Arbitraries.oneOf(
        Arbitraries.integers().between(1, 254).list().ofSize(4)
            .map(parts -> parts.stream().map(String::valueOf).collect(Collectors.joining("."))),
        Arbitraries.of("::1", "unknown", "", "2001:db8::1"));
    Arbitrary<Body> body = sample.getBody() == null || sample.getIsBase64Encoded() ? body()
        : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, body()),
            net.jqwik.api.Tuple.of(2, mutated(sample.getBody())));
    Arbitrary<Boolean> honest = Arbitraries.frequency(net.jqwik.api.Tuple.of(7, true),
        net.jqwik.api.Tuple.of(3, false));
    return Combinators.combine(path, query, headers, body, ip, honest)
        .as((p, q, h, b, i, truthful) -> new Attack(route, p, q,
            truthful ? declared(h, b) : h, b, i));
  }

  /** Most requests declare the media type their body has, so they reach the validators. */
  private static Map<String, String> declared(Map<String, String> headers, Body body) {
    String type = body.kind().contains("form") ? "application/x-www-form-urlencoded"
        : body.kind().equals("none") || body.kind().equals("random-bytes") ? null
        : "application/json";
    if (type == null) {
      return headers;
    }
    Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
    copy.put("content-type", type);
    return copy;
  }

  /** The sample body with one field dropped, retyped, inflated, poisoned, or an extra one. */
  static Arbitrary<Body> mutated(String sampleJson) {
    com.fasterxml.jackson.databind.node.ObjectNode sample;
    try {
      var tree = dev.newsroom.shared.Json.mapper().readTree(sampleJson);
      if (!tree.isObject()) {
        return body();
      }
      sample = (com.fasterxml.jackson.databind.node.ObjectNode) tree;
    } catch (java.io.IOException e) {
      return body();
    }
    List<String> fields = new ArrayList<>();
    sample.fieldNames().forEachRemaining(fields::add);
    if (fields.isEmpty()) {
      return body();
    }
    Arbitrary<String> replacement = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, plausibleText().map(BadInput::quote)),
        net.jqwik.api.Tuple.of(2, json(2)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMinLength(500)
            .ofMaxLength(20_000).map(BadInput::quote)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("__remove__")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("__same__")));
    return Combinators.combine(Arbitraries.of(fields), replacement, fieldName(),
        Arbitraries.of("json", "json", "json", "extra-field", "form")).as((field, value, extra,
            shape) -> {
          var copy = sample.deepCopy();
          if (value.equals("__remove__")) {
            copy.remove(field);
          } else if (!value.equals("__same__")) {
            try {
              copy.set(field, dev.newsroom.shared.Json.mapper().readTree(value));
            } catch (java.io.IOException e) {
              copy.put(field, value);
            }
          }
          if (shape.equals("extra-field")) {
            copy.put(extra, "x");
          }
          if (shape.equals("form")) {
            StringBuilder form = new StringBuilder();
            copy.fields().forEachRemaining(e -> form.append(form.length() == 0 ? "" : "&")
                .append(java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(e.getValue().isTextual()
                    ? e.getValue().textValue() : e.getValue().toString(), StandardCharsets.UTF_8)));
            return new Body("mutated-sample-form", form.toString(), null);
          }
          return new Body("mutated-sample", copy.toString(), null);
        });
  }

  static Arbitrary<Map<String, String>> pathParameters(Templates.Route route) {
    List<String> names = route.pathParameters();
    if (names.isEmpty()) {
      return Arbitraries.just(Map.of());
    }
    List<Arbitrary<String>> values = new ArrayList<>();
    names.forEach(n -> values.add(parameterValue()));
    return Combinators.combine(values).as(list -> {
      Map<String, String> map = new java.util.LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        map.put(names.get(i), list.get(i));
      }
      return map;
    });
  }

  /** Path and query values: plausible, numeric edge cases, traversal, junk, huge. */
  static Arbitrary<String> parameterValue() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.strings().withCharRange('a', 'z').numeric()
            .withChars('-').ofMinLength(1).ofMaxLength(40)),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(TRAVERSAL)),
        net.jqwik.api.Tuple.of(2, Arbitraries.of("0", "-1", "1", "50", "51", "999999999",
            "1e3", "0x10", "NaN", "", " ", "null", "true", "[]", "{}", "draft", "published",
            "new", "handled", "djE6MjAyNi0wMS0wMVQwMDowMDowMFojYQ", "v1:", "%00", "%")),
        net.jqwik.api.Tuple.of(3, junkText(60)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMinLength(2000).ofMaxLength(9000)));
  }

  static Arbitrary<String> junkText(int max) {
    return Arbitraries.strings().all().ofMinLength(0).ofMaxLength(max);
  }

  static Arbitrary<Map<String, String>> headers(List<String> editorKeys) {
    Arbitrary<String> contentType = Arbitraries.of("application/json",
        "application/json; charset=utf-8", "APPLICATION/JSON", "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=utf-8", "text/plain", "text/html",
        "multipart/form-data; boundary=x", "application/xml", "application/json;;;", "*/*",
        "", "application/jsonx");
    List<String> credentials = new ArrayList<>(editorKeys.stream().map(k -> "Bearer " + k)
        .toList());
    String good = editorKeys.get(0);
    credentials.addAll(List.of("", "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "bearer " + good,
        "Bearer " + good + " ", "Bearer " + good + "x", "Bearer " + good.substring(0, 20),
        "Bearer nrk.AAAAAAAAAAAAAAAA." + "A".repeat(43), "Bearer " + good.replace("nrk.", "nrx."),
        "Bearer " + "x".repeat(5000), "Bearer " + good + "\r\nX-Injected: 1", good));
    Arbitrary<String> authorization = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.just("Bearer " + good)),
        net.jqwik.api.Tuple.of(4, Arbitraries.of(credentials)));
    return Combinators.combine(contentType.injectNull(0.1), authorization.injectNull(0.15),
        parameterValue().injectNull(0.7), parameterValue().injectNull(0.8))
        .as((type, auth, ifNoneMatch, idempotency) -> {
          Map<String, String> headers = new java.util.LinkedHashMap<>();
          if (type != null) {
            headers.put("content-type", type);
          }
          if (auth != null) {
            headers.put("authorization", auth);
          }
          if (ifNoneMatch != null) {
            headers.put("if-none-match", ifNoneMatch);
          }
          if (idempotency != null) {
            headers.put("idempotency-key", idempotency);
          }
          return headers;
        });
  }

  static Arbitrary<Body> body() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Body("none", null, null))),
        net.jqwik.api.Tuple.of(4, json(4).map(j -> new Body("random-json", j, null))),
        net.jqwik.api.Tuple.of(6, fieldsWithAnyTypes().map(j -> new Body("fields", j, null))),
        net.jqwik.api.Tuple.of(2, deepNesting().map(j -> new Body("deep", j, null))),
        net.jqwik.api.Tuple.of(2, invalidUtf8().map(b -> new Body("invalid-utf8", null, b))),
        net.jqwik.api.Tuple.of(3, form().map(f -> new Body("form", f, null))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "null", "[]", "\"text\"", "1", "{",
            "{\"title\":", "{}{}", "{\"a\":1,\"a\":2}", "\ufeff{}", "{\"title\":\"x\"} trailing",
            "{\"title\":NaN}", "{'title':'x'}").map(s -> new Body("edge", s, null))),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Body("oversized", OVERSIZED, null))),
        net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)
            .map(b -> new Body("random-bytes", null, b))));
  }

  /** Any JSON value, with field names the API knows mixed with junk. */
  static Arbitrary<String> json(int depth) {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40).map(BadInput::quote),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf).filter(s -> !s.contains("Infinity")
            && !s.contains("NaN")),
        Arbitraries.of("true", "false", "null", "1e400", "-0", "12345678901234567890123"));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> array = Arbitraries.lazy(() -> json(depth - 1)).list().ofMaxSize(4)
        .map(items -> "[" + String.join(",", items) + "]");
    Arbitrary<String> object = Combinators.combine(fieldName(), Arbitraries.lazy(() ->
        json(depth - 1))).as((k, v) -> quote(k) + ":" + v).list().ofMaxSize(5)
        .map(fields -> "{" + String.join(",", fields) + "}");
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, scalar),
        net.jqwik.api.Tuple.of(1, array), net.jqwik.api.Tuple.of(3, object));
  }

  /** An object of the API's own field names with values of every type, size and content. */
  static Arbitrary<String> fieldsWithAnyTypes() {
    Arbitrary<String> value = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, plausibleText().map(BadInput::quote)),
        net.jqwik.api.Tuple.of(2, json(2)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMinLength(1000)
            .ofMaxLength(30_000).map(BadInput::quote)),
        net.jqwik.api.Tuple.of(1, plausibleText().list().ofMaxSize(12)
            .map(l -> "[" + l.stream().map(BadInput::quote).collect(Collectors.joining(","))
                + "]")));
    return Combinators.combine(fieldName(), value).as((k, v) -> quote(k) + ":" + v)
        .list().ofMinSize(0).ofMaxSize(9)
        .map(fields -> "{" + String.join(",", fields) + "}");
  }

  /** Text that passes type checks and probes the validators: valid, edge and hostile values. */
  static Arbitrary<String> plausibleText() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars(" -.")
            .ofMinLength(1).ofMaxLength(60)),
        net.jqwik.api.Tuple.of(2, Arbitraries.of("reader@example.org", "a@b.co", "not-an-email",
            "x@y", "<script>alert(1)</script>", "https://example.org/a.png", "http://x",
            "javascript:alert(1)", "markdown", "html", "2026-01-01T00:00:00Z", "yesterday",
            "a\r\nBcc: victim@example.org", "line\nbreak", "\u0000", "\u202e", "   ", "")),
        net.jqwik.api.Tuple.of(1, junkText(80)));
  }

  static Arbitrary<String> fieldName() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.of(List.copyOf(Templates.knownFieldNames()))),
        net.jqwik.api.Tuple.of(1, junkText(20)));
  }

  static Arbitrary<String> deepNesting() {
    return Combinators.combine(Arbitraries.integers().between(20, 20_000), Arbitraries.of(
        "[", "{\"a\":")).as((depth, open) -> {
          String close = open.equals("[") ? "]" : "}";
          return open.repeat(depth) + "1" + close.repeat(depth);
        });
  }

  /** Byte sequences that are not UTF-8: stray continuations, overlongs, surrogates, truncation. */
  static Arbitrary<byte[]> invalidUtf8() {
    List<byte[]> bad = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xA0},
        new byte[] {(byte) 0xE2, (byte) 0x28, (byte) 0xA1}, new byte[] {(byte) 0xF0, (byte) 0x90},
        new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80});
    return Combinators.combine(fieldsWithAnyTypes(), Arbitraries.of(bad),
        Arbitraries.integers().between(0, 100)).as((json, junk, at) -> {
          byte[] text = json.getBytes(StandardCharsets.UTF_8);
          int cut = Math.min(text.length, at);
          byte[] out = new byte[text.length + junk.length];
          System.arraycopy(text, 0, out, 0, cut);
          System.arraycopy(junk, 0, out, cut, junk.length);
          System.arraycopy(text, cut, out, cut + junk.length, text.length - cut);
          return out;
        });
  }

  /** Form bodies: known and unknown keys, repeats, bad percent-encoding. */
  static Arbitrary<String> form() {
    Arbitrary<String> pair = Combinators.combine(
        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5,
            Arbitraries.of(List.copyOf(Templates.knownFieldNames()))),
            net.jqwik.api.Tuple.of(1, Arbitraries.of("%zz", "%", "a%2", "", "=", "&", "%C3%28"))),
        Arbitraries.oneOf(plausibleText().map(v -> java.net.URLEncoder.encode(v,
            StandardCharsets.UTF_8)), Arbitraries.of("%zz", "%", "%C3%28", "%E2%82", "+", "")))
        .as((k, v) -> k + "=" + v);
    return pair.list().ofMinSize(0).ofMaxSize(8).flatMap(pairs -> {
      if (pairs.isEmpty()) {
        return Arbitraries.just("");
      }
      // Sometimes repeat a key outright.
      return Arbitraries.of(true, false).map(repeat -> {
        List<String> all = new ArrayList<>(pairs);
        if (repeat) {
          all.add(pairs.get(0));
        }
        return String.join("&", all);
      });
    });
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String clip(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "...(" + text.length() + ")";
  }
}
