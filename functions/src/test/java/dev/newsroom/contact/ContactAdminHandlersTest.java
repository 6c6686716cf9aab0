package dev.newsroom.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.InMemoryEditorKeyRepository;
import dev.newsroom.ratelimit.InMemoryRateLimiter;
import dev.newsroom.shared.MutableClock;
import dev.newsroom.web.ApiEvents;
import dev.newsroom.shared.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactAdminHandlersTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
  private final InMemoryContactMessageRepository repository =
      new InMemoryContactMessageRepository();
  private final ContactService contact = new ContactService(repository, new InMemoryRateLimiter(),
      ContactSettings.of("editors@example.com", "180", "false"), clock);
  private final ContactInbox inbox = new ContactInbox(repository, clock);
  private final EditorKeyService keys =
      new EditorKeyService(new InMemoryEditorKeyRepository(), clock);
  private final String key = keys.mint("grace").plaintext();
  private final ListContactMessagesHandler list = new ListContactMessagesHandler(inbox, keys);
  private final GetContactMessageHandler getOne = new GetContactMessageHandler(inbox, keys);
  private final MarkContactMessageHandledHandler handled =
      new MarkContactMessageHandledHandler(inbox, keys);

  @Test
  void list_whenNoOrWrongKey_answers401() {
    assertThat(list.handleRequest(get(Map.of(), null, null), null).getStatusCode())
        .isEqualTo(401);
    assertThat(list.handleRequest(get(Map.of("authorization", "Bearer nrk.x.y"), null,
        null), null).getStatusCode()).isEqualTo(401);
  }

  @Test
  void list_whenSeveralMessages_pagesNewestFirstWithACursor() throws Exception {
    List<String> ids = send(5);

    Map<String, Object> first = body(list.handleRequest(get(auth(), Map.of("limit", "2"), null),
        null));
    Map<String, Object> second = body(list.handleRequest(get(auth(),
        Map.of("limit", "2", "cursor", (String) first.get("nextCursor")), null), null));
    Map<String, Object> third = body(list.handleRequest(get(auth(),
        Map.of("limit", "2", "cursor", (String) second.get("nextCursor")), null), null));

    assertThat(idsOf(first)).containsExactly(ids.get(4), ids.get(3));
    assertThat(idsOf(second)).containsExactly(ids.get(2), ids.get(1));
    assertThat(idsOf(third)).containsExactly(ids.get(0));
    assertThat(third.get("nextCursor")).isNull();
    @SuppressWarnings("unchecked")
    Map<String, Object> row = (Map<String, Object>) ((List<?>) first.get("items")).get(0);
    assertThat(row.get("preview")).isEqualTo("Message number 4");
    assertThat(row.get("email")).isEqualTo("reader4@example.org");
    assertThat(row).doesNotContainKeys("ip", "message");
  }

  @Test
  void list_whenMessagesWithinOneSecond_keepsTimeOrder() throws Exception {
    List<String> ids = new ArrayList<>();
    for (String at : List.of("2026-11-24T10:00:00Z", "2026-11-24T10:00:00.100Z",
        "2026-11-24T10:00:00.150Z", "2026-11-24T10:00:01Z")) {
      clock.advance(Duration.between(clock.now(), Instant.parse(at)));
      ids.add(contact.send(new ContactRequest("Reader", "r@example.org", "", "At " + at, "", "",
          null, "198.51.100.7", "test", null)).id());
    }

    Map<String, Object> page = body(list.handleRequest(get(auth(), null, null), null));

    assertThat(idsOf(page)).containsExactly(ids.get(3), ids.get(2), ids.get(1), ids.get(0));
  }

  @Test
  void list_whenCursorForgedOrLimitOutOfRange_answers400() {
    for (Map<String, String> query : List.of(Map.of("cursor", "bm9wZQ"), Map.of("limit", "0"),
        Map.of("limit", "101"), Map.of("limit", "ten"), Map.of("status", "spam"))) {
      assertThat(list.handleRequest(get(auth(), query, null), null).getStatusCode())
          .as(query.toString()).isEqualTo(400);
    }
  }

  @Test
  void get_whenKnown_answersTheWholeMessage() throws Exception {
    String id = send(1).get(0);

    APIGatewayV2HTTPResponse response = getOne.handleRequest(
        get(auth(), null, Map.of("id", id)), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
    Map<String, Object> message = body(response);
    assertThat(message.get("message")).isEqualTo("Message number 0");
    assertThat(message.get("ip")).isEqualTo("198.51.100.7");
    assertThat(message.get("status")).isEqualTo("new");
  }

  @Test
  void get_whenUnknownMalformedOrPastRetention_answers404() {
    String id = send(1).get(0);
    clock.advance(Duration.ofDays(181));

    for (String candidate : List.of(id, "AAAAAAAAAAAAAAAAAAAAAA", "../x")) {
      assertThat(getOne.handleRequest(get(auth(), null, Map.of("id", candidate)), null)
          .getStatusCode()).as(candidate).isEqualTo(404);
    }
  }

  @Test
  void markHandled_whenNew_movesItToTheHandledListOnce() throws Exception {
    String id = send(2).get(0);

    APIGatewayV2HTTPResponse response =
        handled.handleRequest(post(auth(), Map.of("id", id)), null);
    clock.advance(Duration.ofHours(1));
    EditorKeyService.MintedKey other = keys.mint("linus");
    Map<String, String> otherAuth = Map.of("authorization", "Bearer " + other.plaintext());
    Map<String, Object> again = body(handled.handleRequest(post(otherAuth,
        Map.of("id", id)), null));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(body(response).get("status")).isEqualTo("handled");
    assertThat(again.get("handledBy")).isEqualTo("grace");
    assertThat(again.get("handledAt")).isEqualTo("2026-11-24T09:00:02Z");
    assertThat(idsOf(body(list.handleRequest(get(auth(), null, null), null))))
        .doesNotContain(id).hasSize(1);
    assertThat(idsOf(body(list.handleRequest(get(auth(),
        Map.of("status", "handled"), null), null)))).containsExactly(id);
  }

  @Test
  void markHandled_whenUnknown_answers404() {
    assertThat(handled.handleRequest(post(auth(),
        Map.of("id", "AAAAAAAAAAAAAAAAAAAAAA")), null).getStatusCode()).isEqualTo(404);
  }

  /** Sends {@code count} messages one second apart; returns their ids, oldest first. */
  private List<String> send(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(contact.send(new ContactRequest("Reader " + i, "reader" + i + "@example.org", "",
          "Message number " + i, "", "", null, "198.51.100.7", "test", null)).id());
      clock.advance(Duration.ofSeconds(1));
    }
    return ids;
  }

  private Map<String, String> auth() {
    return new HashMap<>(Map.of("authorization", "Bearer " + key));
  }

  private static Map<String, Object> body(APIGatewayV2HTTPResponse response) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return Json.mapper().readValue(response.getBody(), new TypeReference<>() {});
  }

  private static List<Object> idsOf(Map<String, Object> page) {
    return ((List<?>) page.get("items")).stream().map(item -> ((Map<?, ?>) item).get("id"))
        .map(Object.class::cast).toList();
  }

  private static APIGatewayV2HTTPEvent get(Map<String, String> headers,
      Map<String, String> query, Map<String, String> pathParameters) {
    ApiEvents event = ApiEvents.request("GET", "/api/admin/messages");
    headers.forEach(event::header);
    if (query != null) {
      query.forEach(event::query);
    }
    if (pathParameters != null) {
      pathParameters.forEach(event::pathParameter);
    }
    return event.build();
  }

  private static APIGatewayV2HTTPEvent post(Map<String, String> headers,
      Map<String, String> pathParameters) {
    ApiEvents event = ApiEvents.request("POST", "/api/admin/messages/{id}/handled");
    headers.forEach(event::header);
    pathParameters.forEach(event::pathParameter);
    return event.build();
  }
}
