package dev.newsroom.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a new user tries first: send a message, see the email at /_outbox and in the admin API. */
class DevServerContactTest {

  private static DevServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = DevServer.start(DevServer.repoRoot(), null, 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void contactMessage_whenSentThroughTheApi_showsInTheOutboxAndTheAdminListing()
      throws Exception {
    // given a visitor's message with markup in it
    HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/api/contact"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Dev Visitor\","
            + "\"email\":\"visitor@example.org\",\"subject\":\"Hello from dev\","
            + "\"message\":\"Is <b>this</b> thing on?\",\"page\":\"/contact/\",\"website\":\"\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

    // when the stream poller has run the mail sender
    long deadline = System.currentTimeMillis() + 15_000;
    while (notifications().isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(1000);

    // then one notification went out, answerable to the visitor, with the text escaped
    assertThat(notifications()).singleElement().satisfies(mail -> {
      assertThat(mail.to()).containsExactly("editors@example.com");
      assertThat(mail.replyTo()).containsExactly("visitor@example.org");
      assertThat(mail.html()).contains("Is &lt;b&gt;this&lt;/b&gt; thing on?");
    });
    assertThat(get("/_outbox").body()).contains("Contact: Hello from dev");
    HttpResponse<String> listing = HTTP.send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/api/admin/messages"))
        .header("Authorization", "Bearer " + server.editorKey()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(listing.statusCode()).isEqualTo(200);
    assertThat(listing.body()).contains("\"subject\":\"Hello from dev\"",
        "\"email\":\"visitor@example.org\"");
  }

  @Test
  void contactForm_whenPostedWithoutScript_redirectsToTheThankYouPage() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/api/contact"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(
            "name=Form+User&email=form%40example.org&subject=&message=Hi&page=%2Fcontact%2F"
                + "&website="))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue("/contact/thanks/");
  }

  private static List<LocalSes.Sent> notifications() {
    return server.ses().sent().stream().filter(m -> m.subject().startsWith("Contact: Hello"))
        .toList();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
