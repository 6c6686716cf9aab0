package dev.newsroom.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What RawEmail writes, read back by an independent MIME parser (Jakarta Mail). */
class RawEmailTest {

  private static final ZonedDateTime DATE = ZonedDateTime.parse("2026-11-24T08:00:00Z");
  private static final String BOUNDARY = "=_newsroom_test";

  @Test
  void render_whenPlainMessage_isReadBackIntact() throws Exception {
    EmailMessage message = new EmailMessage("test", "editors@example.com", "Ada@example.org",
        "Contact: hello", "Line one\nLine two", "<p>&lt;b&gt;hi&lt;/b&gt;</p>",
        Map.of("List-Unsubscribe", "<https://news.example.com/u?t=abc>",
            "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));

    MimeMessage parsed = parse(RawEmail.render("Newsroom <news@example.com>", message, DATE,
        BOUNDARY));

    assertThat(((InternetAddress) parsed.getFrom()[0]).getAddress()).isEqualTo("news@example.com");
    assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("Newsroom");
    assertThat(parsed.getHeader("To", ",")).isEqualTo("editors@example.com");
    assertThat(parsed.getHeader("Reply-To", ",")).isEqualTo("Ada@example.org");
    assertThat(parsed.getSubject()).isEqualTo("Contact: hello");
    assertThat(parsed.getSentDate().toInstant()).isEqualTo(DATE.toInstant());
    assertThat(parsed.getHeader("List-Unsubscribe", ","))
        .isEqualTo("<https://news.example.com/u?t=abc>");
    assertThat(parsed.getHeader("List-Unsubscribe-Post", ","))
        .isEqualTo("List-Unsubscribe=One-Click");
    Multipart parts = (Multipart) parsed.getContent();
    assertThat(parsed.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
    assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Line one\r\nLine two");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>&lt;b&gt;hi&lt;/b&gt;</p>");
  }

  @Test
  void render_whenNoReplyTo_writesNoReplyToHeader() throws Exception {
    EmailMessage message = new EmailMessage("test", "a@example.com", null, "S", "t", "h",
        Map.of());

    MimeMessage parsed = parse(RawEmail.render("news@example.com", message, DATE, BOUNDARY));

    assertThat(parsed.getHeader("Reply-To")).isNull();
  }

  @Test
  void render_whenUnicodeAndLongText_encodesWordsWithinLineLimits() throws Exception {
    String subject = "Contact: Grüße aus Köln – a very long subject line that goes on 😀 and on "
        + "ünd ön, well past the seventy-eight characters a header line should keep to";
    String body = "Unicode body: 日本語 😀 " + "x".repeat(300);
    EmailMessage message = new EmailMessage("test", "a@example.com", null, subject, body,
        "<p>" + body + "</p>", Map.of("X-Note", "Zürich"));

    byte[] raw = RawEmail.render("Rédaction <news@example.com>", message, DATE, BOUNDARY);
    MimeMessage parsed = parse(raw);

    assertThat(parsed.getSubject()).isEqualTo(subject);
    assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("Rédaction");
    assertThat(MimeUtility.decodeText(MimeUtility.unfold(parsed.getHeader("X-Note", ","))))
        .isEqualTo("Zürich");
    assertThat(((Multipart) parsed.getContent()).getBodyPart(0).getContent()).isEqualTo(body);
    String text = new String(raw, StandardCharsets.US_ASCII);
    assertThat(text.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThan(90));
    for (byte b : raw) {
      assertThat(b).as("7-bit only").isNotNegative();
    }
  }

  @Test
  void render_whenSenderWritesAnEncodedWordLiteral_keepsItLiteral() throws Exception {
    String subject = "=?UTF-8?B?U1BBTQ==?=";
    EmailMessage message = new EmailMessage("test", "a@example.com", null, subject, "t", "h",
        Map.of());

    assertThat(parse(RawEmail.render("news@example.com", message, DATE, BOUNDARY)).getSubject())
        .isEqualTo(subject);
  }

  @Test
  void render_whenAddressNotAscii_refuses() {
    EmailMessage message = new EmailMessage("test", "josé@example.com", null, "S", "t", "h",
        Map.of());

    assertThatThrownBy(() -> RawEmail.render("news@example.com", message, DATE, BOUNDARY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void render_whenHeaderLineOverTheHardLimit_refuses() {
    EmailMessage message = new EmailMessage("test", "a@example.com", null, "S", "t", "h",
        Map.of("List-Unsubscribe", "<https://example.com/" + "u".repeat(1000) + ">"));

    assertThatThrownBy(() -> RawEmail.render("news@example.com", message, DATE, BOUNDARY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static MimeMessage parse(byte[] raw) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
  }
}
