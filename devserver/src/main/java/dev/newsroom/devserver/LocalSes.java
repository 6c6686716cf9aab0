package dev.newsroom.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the SES v2 SendEmail API, so the real {@code SesMailer} runs unchanged in the dev
 * server: the SDK's SES endpoint points here, and what it receives is shown at {@code /_outbox}.
 * The SES adapter's behaviour against a real-protocol emulator is covered by the infra tests.
 */
public final class LocalSes {

  /** The path prefix the SDK endpoint is given; SendEmail lands on PREFIX/v2/email/outbound-emails. */
  public static final String PREFIX = "/_ses";

  /** One received email. */
  public record Sent(String id, Instant at, String from, List<String> to, List<String> replyTo,
      String subject, String text, String html, Map<String, String> headers) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Session SESSION = Session.getInstance(new Properties());
  /** Headers shown as fields of their own on the outbox page, not in its header list. */
  private static final Set<String> STANDARD = Set.of("date", "from", "to", "reply-to", "subject",
      "mime-version", "content-type", "content-transfer-encoding", "message-id");

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** SES's default sending quota for an account out of the sandbox: 14 emails a second. */
  static final int MAX_SEND_RATE = 14;

  void serve(HttpExchange exchange) throws IOException {
    // GetAccount: campaigns read the send rate from it (issue 11).
    if (exchange.getRequestURI().getPath().equals(PREFIX + "/v2/email/account")
        && "GET".equals(exchange.getRequestMethod())) {
      DevResponses.send(exchange, 200, "application/json", "{\"SendQuota\":{\"MaxSendRate\":"
          + MAX_SEND_RATE + ",\"Max24HourSend\":50000,\"SentLast24Hours\":" + sent.size()
          + "},\"SendingEnabled\":true,\"ProductionAccessEnabled\":true}");
      return;
    }
    if (!exchange.getRequestURI().getPath().equals(PREFIX + "/v2/email/outbound-emails")
        || !"POST".equals(exchange.getRequestMethod())) {
      DevResponses.send(exchange, 404, "application/json", "{\"message\":\"not supported\"}");
      return;
    }
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    JsonNode raw = request.at("/Content/Raw/Data");
    if (!raw.isTextual()) {
      DevResponses.send(exchange, 400, "application/json",
          "{\"message\":\"the dev server takes raw MIME content, as SesMailer sends it\"}");
      return;
    }
    String id = UUID.randomUUID().toString();
    sent.add(parse(id, Instant.now(), strings(request.at("/Destination/ToAddresses")),
        Base64.getDecoder().decode(raw.asText())));
    DevResponses.send(exchange, 200, "application/json", "{\"MessageId\":\"" + id + "\"}");
  }

  /**
   * Reads a raw MIME message with Jakarta Mail (a parser independent of the one that wrote it).
   * Headers other than the envelope and MIME ones are kept, decoded, for the outbox page.
   *
   * @param to the envelope recipients; the To header when empty
   */
  public static Sent parse(String id, Instant at, List<String> to, byte[] mime) {
    try {
      MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(mime));
      Map<String, String> headers = new LinkedHashMap<>();
      for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
        Header header = all.nextElement();
        if (!STANDARD.contains(header.getName().toLowerCase(Locale.ROOT))) {
          headers.put(header.getName(), MimeUtility.decodeText(MimeUtility.unfold(
              header.getValue())));
        }
      }
      String[] replyTo = message.getHeader("Reply-To");
      Map<String, String> bodies = new LinkedHashMap<>();
      collect(message, bodies);
      return new Sent(id, at, decoded(message.getHeader("From", ",")),
          to.isEmpty() ? List.of(message.getHeader("To", ",").split(",\\s*")) : to,
          replyTo == null ? List.of() : List.of(replyTo[0].split(",\\s*")),
          message.getSubject(), bodies.getOrDefault("text/plain", ""),
          bodies.getOrDefault("text/html", ""), headers);
    } catch (MessagingException | IOException e) {
      throw new IllegalArgumentException("not a MIME message", e);
    }
  }

  /** The first text/plain and text/html parts, however deeply nested. */
  private static void collect(Part part, Map<String, String> bodies)
      throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), bodies);
      }
    } else if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
      bodies.putIfAbsent(part.isMimeType("text/plain") ? "text/plain" : "text/html",
          ((String) part.getContent()).replace("\r\n", "\n"));
    }
  }

  private static String decoded(String header) throws IOException {
    return header == null ? "" : MimeUtility.decodeText(MimeUtility.unfold(header));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
