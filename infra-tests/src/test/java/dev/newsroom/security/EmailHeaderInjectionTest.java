package dev.newsroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.infra.Answers;
import dev.newsroom.infra.Emulators;
import dev.newsroom.infra.FaultProxy;
import dev.newsroom.infra.LogCapture;
import dev.newsroom.infra.SampleRequests;
import dev.newsroom.infra.SuiteReport;
import dev.newsroom.infra.Templates;
import dev.newsroom.shared.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * CR/LF and header-injection payloads in every field of every public form that sends email (every
 * public POST route whose sample has an {@code email} field: contact today, subscriptions when
 * they land), as JSON and as a form post. Each is refused with a 400 that stores nothing, or the
 * email it causes goes only to its intended recipient with exactly the headers it should have.
 */
class EmailHeaderInjectionTest {

  private static final String VICTIM = "victim@evil.test";
  static final List<String> PAYLOADS = List.of(
      "x\r\nBcc: " + VICTIM, "x\nBcc: " + VICTIM, "x\rBcc: " + VICTIM,
      "x\r\n\r\n<html>injected body</html>", "x\r\nContent-Type: text/html",
      "x\u2028Bcc: " + VICTIM, "x\u0085Bcc: " + VICTIM, "x\tBcc: " + VICTIM,
      "x\u000bBcc: " + VICTIM, "x\u000cBcc: " + VICTIM, "x%0d%0aBcc: " + VICTIM,
      "=?UTF-8?Q?x=0D=0ABcc:_" + VICTIM + "?=", "x\r\n X-Injected: folded",
      "x\r\nTo: " + VICTIM, "x\u0000Bcc: " + VICTIM);
  /** Ways to smuggle a second recipient through the address field itself. */
  static final List<String> ADDRESS_PAYLOADS = List.of(
      "%s\r\nBcc: " + VICTIM, "%s\nBcc: " + VICTIM, "%s, " + VICTIM, "%s;" + VICTIM,
      "%s>\r\nBcc: <" + VICTIM, "Reader <%s>, " + VICTIM, "%s%%0ABcc:" + VICTIM,
      "\"x\r\nBcc: " + VICTIM + "\"@example.org", "%s\u2028" + VICTIM, " %s\r\n");

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private final Emulators world = Emulators.shared();

  @TestFactory
  List<DynamicTest> everyFieldOfEveryMailingForm_refusesOrNeutralisesHeaderInjection() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Templates.Route route : Templates.routes()) {
      if (route.admin() || !route.method().equals("POST")) {
        continue;
      }
      APIGatewayV2HTTPEvent sample = SampleRequests.acceptable(route, world.editorKey());
      JsonNode body = parse(sample.getBody());
      if (body == null || !body.has("email")) {
        continue;
      }
      body.fieldNames().forEachRemaining(field -> {
        if (!body.get(field).isTextual()) {
          return;
        }
        for (boolean form : List.of(false, true)) {
          tests.add(DynamicTest.dynamicTest(route.key() + " " + field + (form ? " (form)" : ""),
              () -> check(route, (ObjectNode) body, field, form)));
        }
      });
    }
    assertThat(tests).as("mailing forms found in template.yaml").isNotEmpty();
    return tests;
  }

  private void check(Templates.Route route, ObjectNode body, String field, boolean form) {
    world.healAll();
    var sender = world.driver("MailSenderFunction");
    sender.drain();
    List<String> payloads = field.equals("email") ? ADDRESS_PAYLOADS : PAYLOADS;
    for (String payload : payloads) {
      // given a request that would be accepted, with one field poisoned
      int n = SEQUENCE.incrementAndGet();
      String address = "reader" + n + "@example.org";
      LogCapture.remember(address);
      ObjectNode poisoned = body.deepCopy();
      poisoned.put("email", address);
      poisoned.put(field, field.equals("email") ? payload.replace("%s", address)
          : payload.replace("%s", ""));
      if (poisoned.has("message") && !field.equals("message")) {
        poisoned.put("message", "Message " + n + " for the header test.");
      }
      if (field.equals("message")) {
        LogCapture.remember(poisoned.get("message").asText());
      }
      APIGatewayV2HTTPEvent event = event(SampleRequests.acceptable(route, world.editorKey()),
          poisoned, form, n);
      int before = world.moto().rawEmails().size();
      world.dynamoDbProxy().clearCalls();

      // when it is posted and the outbox is delivered
      APIGatewayV2HTTPResponse response = world.invoke(route.handlerClass(), event);
      int status = response.getStatusCode();
      SuiteReport.count("vectors: header injection (field x payload x encoding)", 1);
      if (status >= 400) {
        // then either refused, with nothing stored
        assertThat(status).as("%s=%s: %s", field, payload, response.getBody()).isEqualTo(400);
        assertThat(Answers.isJsonError(response)).isTrue();
        assertThat(world.dynamoDbProxy().calls().stream().filter(FaultProxy.Call::changedState))
            .as("writes while refusing %s", field).isEmpty();
        continue;
      }
      sender.drain();
      // or every email it caused has its one intended recipient and no injected header
      List<dev.newsroom.devserver.LocalSes.Sent> sent = world.moto().rawEmails();
      var raws = world.moto().data().path("ses").path("RawMessage");
      for (int i = before; i < sent.size(); i++) {
        JsonNode raw = raws.get(i);
        raw.path("destinations").forEach(d -> assertThat(d.asText().toLowerCase(Locale.ROOT))
            .as("recipient of %s=%s", field, payload).doesNotContain("evil.test"));
        Map<String, Integer> headers = headerCounts(raw.path("raw_data").asText());
        assertThat(headers).as("headers of the email for %s=%s", field, payload)
            .doesNotContainKeys("bcc", "cc", "x-injected");
        assertThat(headers.get("to")).isEqualTo(1);
        assertThat(headers.get("subject")).isEqualTo(1);
        assertThat(headers.getOrDefault("reply-to", 0)).isLessThanOrEqualTo(1);
        assertThat(headers.get("content-type")).isEqualTo(1);
      }
    }
  }

  /** Header names of a raw MIME message (its top-level header block), unfolded and counted. */
  static Map<String, Integer> headerCounts(String raw) {
    Map<String, Integer> counts = new HashMap<>();
    String text = raw.replace("\r\n", "\n");
    int end = text.indexOf("\n\n");
    for (String line : (end < 0 ? text : text.substring(0, end)).split("\n")) {
      if (line.isEmpty() || line.startsWith(" ") || line.startsWith("\t")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        counts.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The fresh sample event, carrying {@code body}. */
  private static APIGatewayV2HTTPEvent event(APIGatewayV2HTTPEvent event, ObjectNode body,
      boolean form, int n) {
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.remove("idempotency-key");
    headers.remove("content-length");
    if (form) {
      StringBuilder encoded = new StringBuilder();
      body.fields().forEachRemaining(e -> encoded.append(encoded.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8)));
      headers.put("content-type", "application/x-www-form-urlencoded");
      event.setBody(encoded.toString());
    } else {
      headers.put("content-type", "application/json");
      event.setBody(body.toString());
    }
    event.setIsBase64Encoded(false);
    event.setHeaders(headers);
    // A distinct source per request, so the per-IP limit does not hide a vector.
    event.getRequestContext().getHttp().setSourceIp("198.51." + (n / 250 % 250) + "." + (n % 250));
    return event;
  }

  private static JsonNode parse(String body) {
    if (body == null) {
      return null;
    }
    try {
      JsonNode node = Json.mapper().readTree(body);
      return node.isObject() ? node : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
