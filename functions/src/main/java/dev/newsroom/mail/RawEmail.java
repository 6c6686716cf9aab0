package dev.newsroom.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an {@link EmailMessage} as the MIME message (RFC 5322 / 2045-2047) SES sends verbatim:
 * multipart/alternative with a UTF-8 text and HTML part, both base64, and every header written
 * here. Sending raw rather than SES "Simple" content means the bytes a reader gets, custom headers
 * such as List-Unsubscribe and Reply-To included, are the ones the tests read back from an
 * emulator.
 */
public final class RawEmail {

  /** RFC 5322's hard limit for a line, without CRLF. */
  static final int MAX_LINE = 998;
  /** UTF-8 bytes per encoded word: 45 bytes are 60 base64 characters, 72 with the wrapper. */
  private static final int WORD_BYTES = 45;
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
  private static final Base64.Encoder BODY =
      Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII));

  private RawEmail() {}

  /**
   * @param from the sender as configured, e.g. {@code Newsroom <news@example.com>}
   * @param boundary a multipart boundary; it must not occur in base64 text (start it with "=_")
   * @throws IllegalArgumentException when a header cannot be written within RFC 5322's limits
   */
  public static byte[] render(String from, EmailMessage message, ZonedDateTime date,
      String boundary) {
    List<String> headers = new ArrayList<>();
    headers.add("Date: " + DATE.format(date));
    headers.add("From: " + mailbox(from));
    headers.add("To: " + address(message.to()));
    if (message.replyTo() != null) {
      headers.add("Reply-To: " + address(message.replyTo()));
    }
    headers.add("Subject: " + text(message.subject()));
    headers.add("MIME-Version: 1.0");
    for (Map.Entry<String, String> header : message.headers().entrySet()) {
      if (!header.getKey().matches("[A-Za-z0-9-]+")) {
        throw new IllegalArgumentException("not a header name");
      }
      // Structured values such as List-Unsubscribe must stay verbatim; only non-ASCII is encoded.
      String value = header.getValue();
      headers.add(header.getKey() + ": " + (isPlain(value) ? value : text(value)));
    }
    headers.add("Content-Type: multipart/alternative; boundary=\"" + boundary + "\"");

    StringBuilder out = new StringBuilder(4096);
    for (String header : headers) {
      for (String line : header.split("\r\n")) {
        if (line.length() > MAX_LINE) {
          throw new IllegalArgumentException("header line over " + MAX_LINE + " characters");
        }
      }
      out.append(header).append("\r\n");
    }
    out.append("\r\n");
    part(out, boundary, "text/plain", message.text());
    part(out, boundary, "text/html", message.html());
    out.append("--").append(boundary).append("--\r\n");
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Addresses arrive validated (ASCII, IDN domains as punycode); anything else is refused. */
  private static String address(String address) {
    if (!isPlain(address)) {
      throw new IllegalArgumentException("address is not plain ASCII");
    }
    return address;
  }

  private static void part(StringBuilder out, String boundary, String type, String body) {
    String crlf = body.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    out.append("--").append(boundary).append("\r\n")
        .append("Content-Type: ").append(type).append("; charset=UTF-8\r\n")
        .append("Content-Transfer-Encoding: base64\r\n\r\n")
        .append(BODY.encodeToString(crlf.getBytes(StandardCharsets.UTF_8))).append("\r\n");
  }

  /** A configured sender: the display name is encoded when it is not plain ASCII. */
  static String mailbox(String from) {
    int open = from.lastIndexOf('<');
    if (open <= 0 || !from.endsWith(">")) {
      return from;
    }
    String name = from.substring(0, open).strip();
    String address = from.substring(open);
    return (isPlain(name) ? name : String.join(" ", words(name))) + " " + address;
  }

  /**
   * Unstructured header text: as it is when plain ASCII that fits a line, otherwise RFC 2047
   * encoded words folded onto continuation lines (which also keeps a sender's "=?" literal).
   */
  static String text(String value) {
    if (isPlain(value) && value.length() <= 76 && !value.contains("=?")) {
      return value;
    }
    return String.join("\r\n ", words(value));
  }

  /** B-encoded words of at most {@link #WORD_BYTES} UTF-8 bytes, never splitting a character. */
  private static List<String> words(String value) {
    List<String> words = new ArrayList<>();
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    for (int i = 0; i < value.length(); ) {
      int codePoint = value.codePointAt(i);
      byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
      if (chunk.size() + encoded.length > WORD_BYTES) {
        words.add(word(chunk.toByteArray()));
        chunk.reset();
      }
      chunk.writeBytes(encoded);
      i += Character.charCount(codePoint);
    }
    if (chunk.size() > 0 || words.isEmpty()) {
      words.add(word(chunk.toByteArray()));
    }
    return words;
  }

  private static String word(byte[] utf8) {
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(utf8) + "?=";
  }

  private static boolean isPlain(String value) {
    return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }
}
