package dev.newsroom.contact;

import static dev.newsroom.shared.Html.escape;

import dev.newsroom.mail.EmailMessage;
import java.util.Map;

/**
 * The two emails a message causes. Everything the sender typed is treated as hostile: it reaches
 * a header only after validation (no CR/LF), and the HTML part only escaped.
 */
final class ContactEmails {

  static final String NOTIFICATION = "contact-notification";
  static final String ACKNOWLEDGEMENT = "contact-acknowledgement";

  private ContactEmails() {}

  /** To the editors, with Reply-To set to the sender so that answering is one click. */
  static EmailMessage notification(ContactMessage m, String editors) {
    String subject = "Contact: " + (m.subject() != null ? m.subject() : "message from " + m.name());
    String text = String.join("\n",
        "New message through the contact form.",
        "",
        "From:      " + m.name() + " <" + m.email() + ">",
        "Subject:   " + (m.subject() == null ? "(none)" : m.subject()),
        "Page:      " + (m.page() == null ? "(unknown)" : m.page()),
        "Received:  " + m.receivedAt(),
        "Reference: " + m.id(),
        "",
        m.message(),
        "",
        "-- ",
        "Reply to this email to answer the sender. When done, mark it handled:",
        "POST /api/admin/messages/" + m.id() + "/handled");
    String html = "<!doctype html><html><body style=\"font-family:sans-serif\">"
        + "<p>New message through the contact form.</p>"
        + "<table cellpadding=\"4\">"
        + row("From", escape(m.name()) + " &lt;" + escape(m.email()) + "&gt;")
        + row("Subject", m.subject() == null ? "<i>(none)</i>" : escape(m.subject()))
        + row("Page", m.page() == null ? "<i>(unknown)</i>" : escape(m.page()))
        + row("Received", escape(m.receivedAt().toString()))
        + row("Reference", escape(m.id()))
        + "</table>"
        + "<div style=\"white-space:pre-wrap;border-left:3px solid #ccc;padding-left:1em\">"
        + escape(m.message()) + "</div>"
        + "<p style=\"color:#666\">Reply to this email to answer the sender.</p>"
        + "</body></html>";
    return new EmailMessage(NOTIFICATION, editors, m.email(), subject, text, html, Map.of());
  }

  /**
   * To the sender, in fixed words: nothing they typed (not even their name) is repeated, so the
   * form cannot be used to mail chosen text to someone else's address.
   */
  static EmailMessage acknowledgement(ContactMessage m, String editors) {
    String text = String.join("\n",
        "Thank you for writing to us. Your message has reached the editors, who read every one.",
        "If it calls for an answer, we will reply to this address.",
        "",
        "Reference: " + m.id(),
        "",
        "If you did not write to us, someone else typed your address into our contact form;",
        "you can ignore this email.");
    String html = "<!doctype html><html><body style=\"font-family:sans-serif\">"
        + "<p>Thank you for writing to us. Your message has reached the editors, who read every"
        + " one. If it calls for an answer, we will reply to this address.</p>"
        + "<p>Reference: " + escape(m.id()) + "</p>"
        + "<p style=\"color:#666\">If you did not write to us, someone else typed your address"
        + " into our contact form; you can ignore this email.</p>"
        + "</body></html>";
    return new EmailMessage(ACKNOWLEDGEMENT, m.email(), editors, "We received your message",
        text, html, Map.of());
  }

  private static String row(String label, String html) {
    return "<tr><th align=\"left\">" + label + "</th><td>" + html + "</td></tr>";
  }
}
