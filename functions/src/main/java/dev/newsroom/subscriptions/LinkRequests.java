package dev.newsroom.subscriptions;

import dev.newsroom.web.ApiException;
import dev.newsroom.web.FormFields;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** What the link handlers share: where a link's token is, and how the caller wants the answer. */
final class LinkRequests {

  private static final Set<String> TOKEN_FIELD = Set.of("token");

  private LinkRequests() {}

  /** A GET's token: the link's query string. */
  static String queryToken(HttpRequest request) {
    return request.query("token").orElse("");
  }

  /**
   * A POST's token (docs/api-input.md, "Links with tokens"): in the query when the POST goes to
   * the link itself (a script), otherwise the {@code token} field of the page's form or of a JSON
   * body, which may hold no other field. An empty body is no body. Two different tokens name no
   * one link, and neither token acts; like no token at all, that is the empty token, which opens
   * nothing (404).
   */
  static String postToken(HttpRequest request) {
    String query = request.query("token").orElse(null);
    String sent = request.body().length == 0 ? null
        : FormFields.read(request, TOKEN_FIELD).values().get("token");
    if (query != null && sent != null && !sent.equals(query)) {
      return "";
    }
    return query != null ? query : sent != null ? sent : "";
  }

  /** The caller sent JSON and gets JSON back; forms and mail clients get pages. */
  static boolean wantsJson(HttpRequest request) {
    return "application/json".equals(request.mediaType());
  }

  /**
   * A browser (following a link, or posting a page's form) asks for HTML and gets a page even
   * when the link does not work; any other client gets the API's JSON error.
   */
  static boolean wantsPage(HttpRequest request) {
    return request.header("accept").orElse("").contains("text/html");
  }

  /**
   * The page for a link's state; a link that does not work is a 404 page for browsers and the
   * JSON error {@code invalid_link} for everyone else.
   */
  static HttpResponse page(HttpRequest request, LinkState state, Supplier<HttpResponse> page) {
    if (state == LinkState.INVALID && !wantsPage(request)) {
      throw invalidLink();
    }
    return page.get();
  }

  /** A form post from one of our pages: answered with a redirect to a result page. */
  static boolean isForm(HttpRequest request) {
    return "application/x-www-form-urlencoded".equals(request.mediaType());
  }

  /**
   * A mail client's one-click unsubscribe (RFC 8058): it POSTs exactly
   * {@code List-Unsubscribe=One-Click} to the header's URL, as a form or as multipart/form-data,
   * with no cookie and no page. Its token is the URL's alone.
   */
  static boolean isOneClick(HttpRequest request) {
    String type = request.mediaType();
    String body = new String(request.body(), StandardCharsets.UTF_8);
    if ("application/x-www-form-urlencoded".equals(type)) {
      return body.equals("List-Unsubscribe=One-Click");
    }
    return "multipart/form-data".equals(type) && body.contains("name=\"List-Unsubscribe\"")
        && body.contains("One-Click");
  }

  static ApiException invalidLink() {
    return new ApiException(404, "invalid_link", "This link is not valid, or no longer.");
  }

  static HttpResponse json(int status, String state) {
    return HttpResponse.json(status, Map.of("status", state))
        .withHeader("Cache-Control", "no-store");
  }
}
