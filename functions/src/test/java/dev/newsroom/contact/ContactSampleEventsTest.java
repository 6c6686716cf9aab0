package dev.newsroom.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.InMemoryEditorKeyRepository;
import dev.newsroom.ratelimit.InMemoryRateLimiter;
import dev.newsroom.shared.MutableClock;
import dev.newsroom.web.ClientAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sample events in events/ (also for `sam local invoke -e`) work against the handlers. */
class ContactSampleEventsTest {

  private static final ObjectMapper EVENTS = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  private final InMemoryContactMessageRepository repository =
      new InMemoryContactMessageRepository();
  private final EditorKeyService keys =
      new EditorKeyService(new InMemoryEditorKeyRepository(), clock);
  private final ContactInbox inbox = new ContactInbox(repository, clock);

  @Test
  void sampleEvents_whenReplayedInOrder_sendListReadAndHandleTheSameMessage() throws Exception {
    String key = keys.mint("sample").plaintext();
    SendContactMessageHandler send = new SendContactMessageHandler(new ContactService(repository,
        new InMemoryRateLimiter(), ContactSettings.of("editors@example.com", "180", "false"),
        clock), ClientAddress.direct());

    var sent = send.handleRequest(event("send-contact-message.json", key), null);
    var listed = new ListContactMessagesHandler(inbox, keys)
        .handleRequest(event("list-contact-messages.json", key), null);
    var read = new GetContactMessageHandler(inbox, keys)
        .handleRequest(event("get-contact-message.json", key), null);
    var handled = new MarkContactMessageHandledHandler(inbox, keys)
        .handleRequest(event("mark-contact-message-handled.json", key), null);

    String id = repository.messages().get(0).id();
    assertThat(sent.getStatusCode()).isEqualTo(202);
    assertThat(sent.getBody()).contains(id);
    assertThat(listed.getStatusCode()).isEqualTo(200);
    assertThat(listed.getBody()).contains(id);
    assertThat(read.getStatusCode()).isEqualTo(200);
    assertThat(handled.getStatusCode()).isEqualTo(200);
    assertThat(handled.getBody()).contains("\"status\":\"handled\"", "\"handledBy\":\"sample\"");
    assertThat(repository.messages().get(0).page()).isEqualTo("/articles/hello-newsroom/");
  }

  private static APIGatewayV2HTTPEvent event(String file, String editorKey) throws Exception {
    Path events = Path.of("..", "events");
    String json = Files.readString(events.resolve(file)).replace("${EDITOR_KEY}", editorKey);
    return EVENTS.readValue(json, APIGatewayV2HTTPEvent.class);
  }
}
