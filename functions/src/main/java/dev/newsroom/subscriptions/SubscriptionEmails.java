package dev.newsroom.subscriptions;

import static dev.newsroom.shared.Html.escape;

import dev.newsroom.mail.EmailMessage;
import java.time.Instant;
import java.util.Map;

/**
 * The emails of the subscription flow, in fixed words: nothing a visitor typed (not even the name)
 * is repeated, so the signup form cannot be used to mail chosen text to someone else. Each one
 * carries a visible unsubscribe link and the RFC 8058 headers that let mail clients unsubscribe
 * with one click (a POST to the same link, which needs no cookie and no page).
 */
final class SubscriptionEmails {

  static final String CONFIRMATION = "subscription-confirmation";
  static final String WELCOME = "subscription-welcome";
  static final String DATA = "subscriber-data";

  private final SubscriptionLinks links;
  private final String siteName;

  SubscriptionEmails(SubscriptionLinks links, String siteName) {
    this.links = links;
    this.siteName = siteName;
  }

  EmailMessage confirmation(Subscriber subscriber, String token) {
    String confirm = links.confirm(token);
    String text = String.join("\n",
        "Please confirm that you want the " + siteName + " newsletter at this address:",
        "",
        confirm,
        "",
        "The link works for 48 hours. If you did not ask for the newsletter, ignore this email:",
        "without a confirmation you will not hear from us again.")
        + footer(subscriber);
    String html = page(
        "<p>Please confirm that you want the " + escape(siteName)
            + " newsletter at this address.</p>"
            + button(confirm, "Confirm my subscription")
            + "<p>Or open this link: <a href=\"" + escape(confirm) + "\">" + escape(confirm)
            + "</a></p>"
            + "<p>The link works for 48 hours. If you did not ask for the newsletter, ignore this"
            + " email: without a confirmation you will not hear from us again.</p>",
        subscriber);
    return message(CONFIRMATION, subscriber, "Confirm your subscription to " + siteName, text,
        html);
  }

  EmailMessage welcome(Subscriber subscriber) {
    String text = String.join("\n",
        "Your subscription to the " + siteName + " newsletter is confirmed.",
        "You will be the first to know about our new videos and updates.",
        "",
        "Read the latest news: " + links.home())
        + footer(subscriber);
    String html = page(
        "<p>Your subscription to the " + escape(siteName) + " newsletter is confirmed. You will"
            + " be the first to know about our new videos and updates.</p>"
            + button(links.home(), "Read the latest news"),
        subscriber);
    return message(WELCOME, subscriber, "Welcome to the " + siteName + " newsletter", text, html);
  }

  /** Links to download or erase what we hold, valid until {@code expiresAt}. */
  EmailMessage dataLinks(Subscriber subscriber, Instant expiresAt) {
    String export = links.export(subscriber.id(), expiresAt);
    String erase = links.erase(subscriber.id(), expiresAt);
    String text = String.join("\n",
        "You asked for the data " + siteName + " holds about your newsletter subscription.",
        "",
        "Download a copy: " + export,
        "Erase it: " + erase,
        "",
        "Both links work for 24 hours. If you did not ask, ignore this email.")
        + footer(subscriber);
    String html = page(
        "<p>You asked for the data " + escape(siteName) + " holds about your newsletter"
            + " subscription.</p>"
            + "<ul><li><a href=\"" + escape(export) + "\">Download a copy</a></li>"
            + "<li><a href=\"" + escape(erase) + "\">Erase it</a></li></ul>"
            + "<p>Both links work for 24 hours. If you did not ask, ignore this email.</p>",
        subscriber);
    return message(DATA, subscriber, "Your newsletter data at " + siteName, text, html);
  }

  private EmailMessage message(String kind, Subscriber subscriber, String subject, String text,
      String html) {
    String unsubscribe = links.unsubscribe(subscriber.id());
    return new EmailMessage(kind, subscriber.email(), null, subject, text, html, Map.of(
        "List-Unsubscribe", "<" + unsubscribe + ">",
        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
  }

  private String footer(Subscriber subscriber) {
    return String.join("\n", "", "", "-- ",
        "Unsubscribe: " + links.unsubscribe(subscriber.id()),
        "Get a copy of your data or erase it: " + links.dataRequests());
  }

  private String page(String body, Subscriber subscriber) {
    String unsubscribe = links.unsubscribe(subscriber.id());
    return "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\">"
        + body
        + "<hr><p style=\"color:#555;font-size:90%\">"
        + "<a href=\"" + escape(unsubscribe) + "\">Unsubscribe</a> &middot; "
        + "<a href=\"" + escape(links.dataRequests()) + "\">Get a copy of your data or erase"
        + " it</a></p></body></html>";
  }

  private static String button(String url, String label) {
    return "<p><a href=\"" + escape(url) + "\" style=\"display:inline-block;padding:.6em 1.2em;"
        + "background:#9b1c1c;color:#fff;text-decoration:none;border-radius:4px\">"
        + escape(label) + "</a></p>";
  }
}
