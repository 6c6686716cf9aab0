package dev.newsroom.web;

import dev.newsroom.shared.Html;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The site's forms work without JS: the browser posts them as {@code urlencoded} and shows what
 * comes back. A refusal then gets a page in the look of the site's message pages, with the same
 * status, the form's failure text and the reason, instead of the API's JSON. The fetch path of
 * the same forms sends {@code Accept: application/json} and keeps getting JSON.
 */
final class FormErrorPage {

  /** The newsletter box's failure text, from the site's seed page. */
  static final String HEADLINE = "Oops! Something went wrong while submitting the form";

  private FormErrorPage() {}

  static boolean wanted(HttpRequest request) {
    return "application/x-www-form-urlencoded".equals(request.mediaType())
        && request.header("accept").orElse("").contains("text/html");
  }

  /** The page for {@code error}, keeping its status and headers such as Retry-After. */
  static HttpResponse of(HttpResponse error, String reason) {
    Map<String, String> headers = new LinkedHashMap<>(error.headers());
    headers.put("Content-Type", "text/html; charset=utf-8");
    headers.put("Cache-Control", "no-store");
    headers.put("X-Robots-Tag", "noindex");
    return new HttpResponse(error.status(), headers, """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Something went wrong</title>
        <link rel="stylesheet" href="/static/site.css">
        </head>
        <body>
        <main id="main">
        <div class="wrap">
        <section class="message" aria-labelledby="message-title">
        <h1 id="message-title">%s</h1>
        <p>%s</p>
        <p>Go back to the form to try again: what you typed is still there.</p>
        <p><a class="button button-quiet" href="/">Back to the latest news</a></p>
        </section>
        </div>
        </main>
        </body>
        </html>
        """.formatted(HEADLINE, Html.escape(reason)));
  }
}
