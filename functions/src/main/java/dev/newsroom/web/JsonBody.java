package dev.newsroom.web;

import dev.newsroom.shared.Json;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.stream.Collectors;

/** Reads a JSON request body into a type, turning every parse failure into a precise 4xx. */
public final class JsonBody {

  private JsonBody() {}

  public static <T> T read(HttpRequest request, Class<T> type) {
    if (!"application/json".equals(request.mediaType())) {
      throw new ApiException(415, "unsupported_media_type", "Send the body as application/json.");
    }
    return parse(Utf8Body.of(request), Json.MAPPER.readerFor(type));
  }

  /** {@code body} has passed {@link Utf8Body#of}. */
  static <T> T parse(byte[] body, ObjectReader reader) {
    Utf8Body.requirePairedSurrogateEscapes(body);
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
      throw ApiException.badRequest("malformed_json", tooBig(e));
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

  /** Jackson says which of its limits was hit only in the message; each gets its own words. */
  static String tooBig(StreamConstraintsException e) {
    String limit = String.valueOf(e.getMessage());
    if (limit.startsWith("Number")) {
      return "A number in the body has too many digits.";
    }
    if (limit.startsWith("String") || limit.startsWith("Name")) {
      return "A string in the body is too long.";
    }
    return "The JSON is nested too deeply.";
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
