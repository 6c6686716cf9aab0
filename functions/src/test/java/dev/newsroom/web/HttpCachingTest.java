package dev.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpCachingTest {

  private static final String CACHE = "public, max-age=60";
  private static final HttpResponse OK = HttpResponse.json(200, Map.of("title", "A"));

  @Test
  void conditional_whenNoValidator_addsStrongEtagAndCacheControl() {
    HttpResponse response = HttpCaching.conditional(request(null), OK, CACHE);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("ETag")).matches("\"[A-Za-z0-9_-]{27}\"");
    assertThat(response.headers()).containsEntry("Cache-Control", CACHE);
    assertThat(response.body()).isEqualTo(OK.body());
  }

  @Test
  void conditional_isStableForSameBytesAndChangesWithThem() {
    String first = etag(OK);

    assertThat(etag(HttpResponse.json(200, Map.of("title", "A")))).isEqualTo(first);
    assertThat(etag(HttpResponse.json(200, Map.of("title", "B")))).isNotEqualTo(first);
  }

  @Test
  void conditional_whenIfNoneMatchMatches_is304WithoutBody() {
    String etag = etag(OK);
    for (String header : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
      HttpResponse response = HttpCaching.conditional(request(header), OK, CACHE);

      assertThat(response.status()).as(header).isEqualTo(304);
      assertThat(response.body()).isEmpty();
      assertThat(response.headers()).containsEntry("ETag", etag)
          .containsEntry("Cache-Control", CACHE);
    }
  }

  @Test
  void conditional_whenIfNoneMatchDiffers_is200WithBody() {
    String etag = etag(OK);
    for (String header : new String[] {"\"other\"", etag.replace("\"", ""), "", "W/\"x\""}) {
      assertThat(HttpCaching.conditional(request(header), OK, CACHE).status()).as(header)
          .isEqualTo(200);
    }
  }

  private static String etag(HttpResponse response) {
    return HttpCaching.conditional(request(null), response, CACHE).headers().get("ETag");
  }

  private static HttpRequest request(String ifNoneMatch) {
    ApiEvents event = ApiEvents.request("GET", "/api/articles/a");
    if (ifNoneMatch != null) {
      event.header("if-none-match", ifNoneMatch);
    }
    return new HttpRequest(event.build());
  }
}
