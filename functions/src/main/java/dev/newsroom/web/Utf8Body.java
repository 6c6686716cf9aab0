package dev.newsroom.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The API's one encoding rule for request bodies (docs/api-input.md): UTF-8, and nothing that
 * only looks like it. A {@code charset} other than utf-8, a byte-order mark, a raw NUL byte (how
 * UTF-16 or UTF-32 text without a BOM shows), bytes that are not UTF-8, and in JSON a
 * {@code \\u} escape of an unpaired surrogate are each a 400 {@code invalid_encoding}; nothing is
 * repaired or guessed.
 */
public final class Utf8Body {

  private Utf8Body() {}

  /** The request's body once the rule holds for it and its Content-Type. */
  public static byte[] of(HttpRequest request) {
    requireUtf8Charset(request.header("content-type").orElse(""));
    byte[] body = request.body();
    requireUtf8(body);
    return body;
  }

  /** A {@code charset} parameter, when present, must name UTF-8. */
  static void requireUtf8Charset(String contentType) {
    String[] parts = contentType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].strip();
      int eq = param.indexOf('=');
      if (eq < 0 || !param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
        continue;
      }
      String charset = param.substring(eq + 1).strip().replace("\"", "").toLowerCase(Locale.ROOT);
      if (!charset.equals("utf-8") && !charset.equals("utf8")) {
        throw refused("The body must be UTF-8; charset " + clip(charset) + " is not accepted.");
      }
    }
  }

  static void requireUtf8(byte[] body) {
    if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
        && (body[2] & 0xFF) == 0xBF) {
      throw refused("The body must be UTF-8 without a byte-order mark.");
    }
    for (byte b : body) {
      if (b == 0) {
        throw refused("The body must be UTF-8; it holds a NUL byte (UTF-16?).");
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw refused("The body is not valid UTF-8.");
    }
  }

  /**
   * JSON can name a UTF-16 unit on its own ({@code "\ud800"}), which no UTF-8 text can hold;
   * Jackson would pass it on and the store would keep a '?'. Only {@code \\u} escapes need a
   * look: raw surrogates are already refused as invalid UTF-8. A backslash outside a string is
   * malformed JSON, which the parser refuses after this.
   */
  static void requirePairedSurrogateEscapes(byte[] json) {
    boolean highPending = false;
    for (int i = 0; i < json.length; i++) {
      if (json[i] != '\\' || i + 1 >= json.length) {
        if (highPending) {
          throw loneSurrogate();
        }
        continue;
      }
      int unit = json[i + 1] == 'u' ? hex4(json, i + 2) : -1;
      boolean high = unit >= 0xD800 && unit <= 0xDBFF;
      boolean low = unit >= 0xDC00 && unit <= 0xDFFF;
      if (highPending != low) {
        throw loneSurrogate();
      }
      highPending = high;
      i += unit < 0 ? 1 : 5;
    }
    if (highPending) {
      throw loneSurrogate();
    }
  }

  private static int hex4(byte[] json, int from) {
    if (from + 4 > json.length) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < from + 4; i++) {
      int digit = Character.digit(json[i], 16);
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  private static ApiException loneSurrogate() {
    return refused("The body escapes an unpaired UTF-16 surrogate, which is not a character.");
  }

  private static ApiException refused(String message) {
    return ApiException.badRequest("invalid_encoding", message);
  }

  private static String clip(String text) {
    return text.length() <= 32 ? text : text.substring(0, 32) + "...";
  }
}
