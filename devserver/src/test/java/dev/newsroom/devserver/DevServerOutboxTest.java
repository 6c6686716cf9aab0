package dev.newsroom.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.config.AwsClients;
import dev.newsroom.mail.DynamoDbOutbox;
import dev.newsroom.mail.EmailMessage;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DevServerOutboxTest {

  private static DevServer server;

  @BeforeAll
  static void start() throws Exception {
    server = DevServer.start(DevServer.repoRoot(), null, 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void outboxItem_whenWritten_isSentOnceThroughTheSesAdapter() throws Exception {
    // given a message enqueued the way business writes do it
    EmailMessage message = new EmailMessage("test", "reader@example.org", null, "Hello",
        "Visit https://example.org/x", "<p>Hi</p>", Map.of("List-Unsubscribe",
            "<https://example.org/u>"));
    String table = System.getProperty("OUTBOX_TABLE");
    AwsClients.dynamoDb().transactWriteItems(r -> r.transactItems(
        DynamoDbOutbox.enqueue(table, "test#1", message, Instant.now())));

    // when the stream poller has had time to run the mail sender
    long deadline = System.currentTimeMillis() + 15_000;
    while (server.ses().sent().isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(1500);

    // then exactly one email reached SES, with its parts and headers, and it shows in the outbox
    assertThat(server.ses().sent()).singleElement().satisfies(sent -> {
      assertThat(sent.to()).containsExactly("reader@example.org");
      assertThat(sent.subject()).isEqualTo("Hello");
      assertThat(sent.headers()).containsEntry("List-Unsubscribe", "<https://example.org/u>");
    });
    assertThat(OutboxPage.render(server.ses().sent()))
        .contains("<a href=\"https://example.org/x\">");
  }
}
