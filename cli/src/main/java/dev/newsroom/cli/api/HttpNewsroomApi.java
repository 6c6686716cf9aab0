package dev.newsroom.cli.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The editors' API over HTTP with the JDK's client. The key goes in the Authorization header of
 * API requests only: never to the presigned upload URL, never into a message. Redirects are not
 * followed, so the key cannot be carried to another host.
 */
public final class HttpNewsroomApi implements NewsroomApi {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,200}");
  /** The most each listing gives in one page (docs/api.md), so that few requests list all. */
  private static final int ARTICLES_PAGE = 50;
  private static final int MESSAGES_PAGE = 100;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** The presigned URL lives 5 minutes; 20 MB on a slow line needs most of them. */
  private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(5);

  private final HttpClient http;
  private final ObjectMapper json;
  private final String baseUrl;
  private final String authorization;

  public HttpNewsroomApi(String baseUrl, String key, ObjectMapper json) {
    this.http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.json = json;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.authorization = "Bearer " + key;
  }

  @Override
  public SavedArticle putArticle(String slug, ArticleDraft draft) {
    HttpResponse<byte[]> response = send("PUT", articlePath(slug), draft);
    return SavedArticle.of(body(response), response.statusCode() == 201);
  }

  @Override
  public SavedArticle publish(String slug, boolean newsletter) {
    Object body = newsletter ? Map.of("newsletter", true) : null;
    return SavedArticle.of(body(send("POST", articlePath(slug) + "/publish", body)), false);
  }

  @Override
  public SavedArticle schedule(String slug, String publishAt, boolean newsletter) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("publishAt", publishAt);
    body.put("newsletter", newsletter);
    return SavedArticle.of(body(send("POST", articlePath(slug) + "/schedule", body)), false);
  }

  @Override
  public SavedArticle unpublish(String slug) {
    return SavedArticle.of(body(send("POST", articlePath(slug) + "/unpublish", null)), false);
  }

  @Override
  public void delete(String slug) {
    send("DELETE", articlePath(slug), null);
  }

  @Override
  public JsonNode articles(String status, String cursor) {
    return body(send("GET", "/api/admin/articles" + query(status, ARTICLES_PAGE, cursor), null));
  }

  @Override
  public JsonNode messages(String status, String cursor) {
    return body(send("GET", "/api/admin/messages" + query(status, MESSAGES_PAGE, cursor), null));
  }

  @Override
  public ImageUpload requestImageUpload(String contentType, long size, String fileName) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("contentType", contentType);
    request.put("size", size);
    request.put("fileName", fileName);
    JsonNode answer = body(send("POST", "/api/admin/images", request));
    Map<String, String> headers = new LinkedHashMap<>();
    answer.path("uploadHeaders").fields()
        .forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
    return new ImageUpload(answer.path("id").asText(), answer.path("uploadUrl").asText(),
        headers);
  }

  @Override
  public void upload(ImageUpload upload, byte[] bytes) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upload.uploadUrl()))
        .timeout(UPLOAD_TIMEOUT)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    // The client sets Content-Length from the body; it refuses to be given one.
    upload.uploadHeaders().forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Content-Length")) {
        request.header(name, value);
      }
    });
    HttpResponse<byte[]> response = exchange(request.build(), "the image upload");
    if (response.statusCode() >= 500) {
      throw new ApiUnavailableException("The image store answered HTTP " + response.statusCode()
          + " to the upload.");
    }
    if (response.statusCode() >= 300) {
      throw new ApiRefusedException(response.statusCode(), "upload_refused", null,
          "The image store refused the upload (HTTP " + response.statusCode() + ").");
    }
  }

  @Override
  public ImageState image(String id) {
    JsonNode answer = body(send("GET", "/api/admin/images/" + segment(id), null));
    return new ImageState(answer.path("id").asText(), answer.path("status").asText(),
        answer.hasNonNull("path") ? answer.get("path").asText() : null,
        answer.hasNonNull("reason") ? answer.get("reason").asText() : null);
  }

  private static String articlePath(String slug) {
    return "/api/admin/articles/" + segment(slug);
  }

  /** Path segments are checked, not escaped: a slug or id never holds anything else. */
  private static String segment(String value) {
    if (value == null || !SEGMENT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a slug or id: " + value);
    }
    return value;
  }

  private static String query(String status, int limit, String cursor) {
    StringBuilder query = new StringBuilder("?limit=").append(limit);
    if (status != null) {
      query.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
    }
    if (cursor != null) {
      query.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  private HttpResponse<byte[]> send(String method, String path, Object body) {
    HttpRequest.BodyPublisher publisher;
    try {
      publisher = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the request", e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .method(method, publisher);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<byte[]> response = exchange(request.build(), method + " " + path);
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response;
    }
    if (status >= 400 && status < 500) {
      throw refused(response, method + " " + path);
    }
    if (status >= 300 && status < 400) {
      // Not followed: the key would go along. Usually http:// for an https:// site.
      throw new ApiRefusedException(status, "redirect", null, "The server redirects " + method
          + " " + path + " to " + response.headers().firstValue("Location").orElse("elsewhere")
          + "; give the URL it means as --url.");
    }
    throw new ApiUnavailableException("The server answered HTTP " + status + " to " + method
        + " " + path + "; try again shortly.");
  }

  private HttpResponse<byte[]> exchange(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new ApiUnavailableException("No answer in time to " + what + ".");
    } catch (IOException e) {
      throw new ApiUnavailableException("Cannot reach " + request.uri().getScheme() + "://"
          + request.uri().getAuthority() + " (" + e.getClass().getSimpleName() + ").");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiUnavailableException("Interrupted.");
    }
  }

  private ApiRefusedException refused(HttpResponse<byte[]> response, String what) {
    JsonNode error = null;
    try {
      error = json.readTree(response.body()).get("error");
    } catch (IOException notJson) {
      // handled below: not an answer of this API
    }
    if (error == null || !error.hasNonNull("message")) {
      return new ApiRefusedException(response.statusCode(), "http_" + response.statusCode(),
          null, "HTTP " + response.statusCode() + " to " + what
              + ", without a Newsroom error: is the URL that of a Newsroom API?");
    }
    return new ApiRefusedException(response.statusCode(), error.path("code").asText(),
        error.hasNonNull("field") ? error.get("field").asText() : null,
        error.get("message").asText());
  }

  private JsonNode body(HttpResponse<byte[]> response) {
    try {
      JsonNode node = json.readTree(response.body());
      if (node == null || !node.isObject()) {
        throw new ApiUnavailableException("The server's answer was not a JSON object.");
      }
      return node;
    } catch (IOException e) {
      throw new ApiUnavailableException("The server's answer was not JSON.");
    }
  }
}
