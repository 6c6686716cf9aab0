package dev.newsroom.devserver;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /_outbox}: every email the dev server would have sent, newest first, with the text part's
 * links clickable and the HTML part in a sandboxed frame, so a local user can confirm a
 * subscription without a mailbox. An email with RFC 8058 headers gets the button a mail client
 * shows: it POSTs {@code List-Unsubscribe=One-Click} to the header's URL, as Gmail or Yahoo do.
 */
final class OutboxPage {

  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
  private static final Pattern ONE_CLICK_URL = Pattern.compile("<(https?://[^>\\s]+)>");

  private OutboxPage() {}

  static String render(List<LocalSes.Sent> sent) {
    StringBuilder html = new StringBuilder(4096).append("""
        <!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Outbox - Newsroom dev server</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
        article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}
        dt{font-weight:600}pre{white-space:pre-wrap;background:#f6f6f6;padding:.75rem}
        iframe{width:100%;height:22rem;border:1px solid #ddd}a{color:#0645ad}</style></head>
        <body><main><h1>Outbox</h1>
        <p>Emails the dev server would have sent through SES, newest first. Reload to refresh.</p>
        """);
    if (sent.isEmpty()) {
      html.append("<p>No email yet. Subscribe or send a contact message, then reload.</p>");
    }
    for (int i = sent.size() - 1; i >= 0; i--) {
      LocalSes.Sent mail = sent.get(i);
      html.append("<article><h2>").append(escape(mail.subject())).append("</h2><dl>")
          .append("<dt>To</dt><dd>").append(escape(String.join(", ", mail.to()))).append("</dd>")
          .append("<dt>From</dt><dd>").append(escape(mail.from())).append("</dd>");
      if (!mail.replyTo().isEmpty()) {
        html.append("<dt>Reply-To</dt><dd>").append(escape(String.join(", ", mail.replyTo())))
            .append("</dd>");
      }
      for (Map.Entry<String, String> h : mail.headers().entrySet()) {
        html.append("<dt>").append(escape(h.getKey())).append("</dt><dd>")
            .append(escape(h.getValue())).append("</dd>");
      }
      html.append("<dt>Sent</dt><dd>").append(mail.at()).append("</dd></dl>")
          .append(oneClickButton(mail))
          .append("<h3>Text part</h3><pre>").append(linkify(mail.text())).append("</pre>")
          .append("<h3>HTML part</h3><iframe sandbox title=\"HTML part of ")
          .append(escape(mail.subject())).append("\" srcdoc=\"").append(escape(mail.html()))
          .append("\"></iframe></article>");
    }
    return html.append("</main></body></html>").toString();
  }

  /** The mail client's unsubscribe button, when the email offers RFC 8058 one-click. */
  private static String oneClickButton(LocalSes.Sent mail) {
    String post = mail.headers().getOrDefault("List-Unsubscribe-Post", "");
    Matcher url = ONE_CLICK_URL.matcher(mail.headers().getOrDefault("List-Unsubscribe", ""));
    if (!post.equals("List-Unsubscribe=One-Click") || !url.find()) {
      return "";
    }
    return "<form method=\"post\" action=\"" + escape(url.group(1)) + "\">"
        + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
        + "<button type=\"submit\">Unsubscribe (one click, as a mail client does)</button>"
        + "</form>";
  }

  private static String linkify(String text) {
    Matcher m = URL.matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(escape(text.substring(last, m.start())));
      String url = escape(m.group());
      out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
      last = m.end();
    }
    return out.append(escape(text.substring(last))).toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }
}
