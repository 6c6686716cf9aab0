package dev.newsroom.web;

import dev.newsroom.shared.Hashing;
import java.util.Base64;
import java.util.Map;

/** Strong ETags over the response bytes, and 304 for a matching If-None-Match. */
public final class HttpCaching {

  private HttpCaching() {}

  public static HttpResponse conditional(HttpRequest request, HttpResponse response,
      String cacheControl) {
    String etag = "\"" + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(Hashing.sha256(response.bodyBytes())).substring(0, 27) + "\"";
    if (matches(request.header("if-none-match").orElse(null), etag)) {
      return new HttpResponse(304, Map.of("ETag", etag, "Cache-Control", cacheControl), "");
    }
    return response.withHeader("ETag", etag).withHeader("Cache-Control", cacheControl);
  }

  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
