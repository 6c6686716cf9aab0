package dev.newsroom.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the JSON our responses are made of (maps, lists, strings, integers, booleans) straight to
 * a jackson-core generator, so a read request never starts jackson-databind: at a cold start its
 * introspection and class loading cost more than the rest of the response. Anything else falls
 * back to the shared mapper, and the output is the same bytes the mapper would write (null map
 * values left out, as its NON_NULL inclusion does).
 */
public final class JsonWriter {

  public static final JsonFactory FACTORY = new JsonFactory();

  private JsonWriter() {}

  public static String write(Object value) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      if (!tree(generator, value)) {
        return Json.mapperWrite(value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** False when the value holds something only the mapper knows how to write. */
  private static boolean tree(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String name)) {
          return false;
        }
        if (e.getValue() != null) {
          g.writeFieldName(name);
          if (!tree(g, e.getValue())) {
            return false;
          }
        }
      }
      g.writeEndObject();
    } else if (value instanceof Collection<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        if (!tree(g, item)) {
          return false;
        }
      }
      g.writeEndArray();
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else {
      return false;
    }
    return true;
  }
}
