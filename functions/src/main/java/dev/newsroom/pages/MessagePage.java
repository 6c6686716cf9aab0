package dev.newsroom.pages;

import java.util.List;
import java.util.Map;

/**
 * A short page in the site's look: a heading, plain-text paragraphs and, optionally, one form
 * with hidden fields and a button. Everything is escaped when rendered, so callers pass plain
 * text. Features use it for pages their handlers answer (e.g. "Confirm your subscription").
 *
 * @param path the public path, used for the canonical URL
 * @param form the form, or null for none
 */
public record MessagePage(String path, String title, String description, String heading,
    List<String> paragraphs, Form form) {

  public MessagePage {
    paragraphs = List.copyOf(paragraphs);
  }

  /**
   * A POST form; hidden fields are rendered sorted by name, so output is stable.
   *
   * @param emailLabel when not null, the form also asks for an email address (field
   *     {@code email}, with this label) and carries the {@code website} honeypot
   */
  public record Form(String action, Map<String, String> hidden, String button,
      String emailLabel) {

    public Form {
      hidden = Map.copyOf(hidden);
    }

    public Form(String action, Map<String, String> hidden, String button) {
      this(action, hidden, button, null);
    }
  }
}
