package dev.newsroom.web;

import dev.newsroom.shared.Json;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Reads a JSON request body into a type, turning every parse failure into a precise 4xx. */
public final class JsonBody {

  private JsonBody() {}

  public static <T> T read(HttpRequest request, Class<T> type) {
    if (!"application/json".equals(request.mediaType())) {
      throw new ApiException(415, "unsupported_media_type", "Send the body as application/json.");
    }
    return parse(request.body(), Json.MAPPER.readerFor(type));
  }

  static <T> T parse(byte[] body, ObjectReader reader) {
    requireUtf8(body);
    if (body.length == 0) {
      throw ApiException.badRequest("malformed_json", "The body is empty.");
    }
    try {
      T value = reader.readValue(body);
      if (value == null) {
        throw ApiException.badRequest("malformed_json", "The body must be a JSON object.");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.badRequest("unknown_field", "Unknown field: " + clip(e.getPropertyName()) + ".");
    } catch (StreamConstraintsException e) {
      throw ApiException.badRequest("malformed_json", "The JSON is nested too deeply.");
    } catch (JsonMappingException e) {
      if (e.getPath().isEmpty()) {
        // Not a field's fault: no content, a non-object, or a second value after the object.
        throw ApiException.badRequest("malformed_json", "The body must be one JSON object.");
      }
      throw ApiException.badRequest("invalid_type", "Wrong type for field: " + path(e) + ".");
    } catch (JacksonException e) {
      throw ApiException.badRequest("malformed_json", "The body is not valid JSON.");
    } catch (IOException e) {
      throw ApiException.badRequest("malformed_json", "The body could not be read.");
    }
  }

  /** Jackson would replace bad bytes silently; invalid UTF-8 is refused instead. */
  static void requireUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("invalid_encoding", "The body is not valid UTF-8.");
    }
  }

  private static String path(JsonMappingException e) {
    return clip(e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")));
  }

  /** Names come from the client; keep echoes short. */
  private static String clip(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
