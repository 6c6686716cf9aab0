package dev.newsroom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void write_whenResponseShapedValue_writesTheMapperBytes() throws Exception {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("slug", "a-b");
    item.put("title", "Quotes \" backslash \\ tab \t newline \n control \u0001 é ✓ 😀 </script>");
    item.put("summary", null);
    item.put("tags", List.of("x", "y"));
    item.put("heroImage", Map.of("url", "https://e.test/i.png", "alt", "alt"));
    item.put("version", 42L);
    item.put("count", 7);
    item.put("draft", false);
    item.put("nothing", Arrays.asList("a", null));
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("items", List.of(item, Map.of()));
    page.put("nextCursor", null);

    String written = JsonWriter.write(page);

    assertThat(written).isEqualTo(Json.mapper().writeValueAsString(page));
    assertThat(written).doesNotContain("summary").doesNotContain("nextCursor");
  }

  @Test
  void write_whenScalars_writesTheMapperBytes() throws Exception {
    for (Object value : new Object[] {"plain", 0, -1L, Long.MAX_VALUE, true, List.of()}) {
      assertThat(JsonWriter.write(value)).isEqualTo(Json.mapper().writeValueAsString(value));
    }
  }

  @Test
  void write_whenValueOnlyTheMapperKnows_fallsBackToTheMapper() throws Exception {
    record Shape(String name, double ratio) {}
    Map<String, Object> value = Map.of("shape", new Shape("s", 1.5), "n", 1);

    assertThat(JsonWriter.write(value)).isEqualTo(Json.mapper().writeValueAsString(value));
  }

  @Test
  void write_whenNonStringKey_fallsBackToTheMapper() throws Exception {
    Map<Object, Object> value = Map.of(1, "one");

    assertThat(JsonWriter.write(value)).isEqualTo(Json.mapper().writeValueAsString(value));
  }

  @Test
  void write_whenValueTheMapperRefuses_failsLikeTheMapper() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> JsonWriter.write(Map.of("at", Instant.EPOCH)))
        .isInstanceOf(IllegalStateException.class);
  }
}
