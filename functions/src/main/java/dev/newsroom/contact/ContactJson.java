package dev.newsroom.contact;

import dev.newsroom.shared.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of contact messages in the editors' API. */
final class ContactJson {

  static final int PREVIEW = 140;

  private ContactJson() {}

  /** A listing row: who, when, about what, and the start of the text. */
  static Map<String, Object> summary(ContactMessage m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", m.id());
    json.put("status", m.status().wire());
    json.put("receivedAt", m.receivedAt().toString());
    json.put("name", m.name());
    json.put("email", m.email());
    json.put("subject", m.subject());
    json.put("preview", preview(m.message()));
    json.put("page", m.page());
    if (m.handledAt() != null) {
      json.put("handledAt", m.handledAt().toString());
      json.put("handledBy", m.handledBy());
    }
    return json;
  }

  /** One message in full, with what helps to judge abuse. */
  static Map<String, Object> message(ContactMessage m) {
    Map<String, Object> json = summary(m);
    json.remove("preview");
    json.put("message", m.message());
    json.put("ip", m.ip());
    json.put("userAgent", m.userAgent());
    json.put("expiresAt", m.expiresAt().toString());
    return json;
  }

  static Map<String, Object> page(Page<ContactMessage> page) {
    List<Map<String, Object>> items = page.items().stream().map(ContactJson::summary).toList();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("items", items);
    json.put("nextCursor", page.nextCursor());
    return json;
  }

  /** The first {@link #PREVIEW} characters on one line, cut between code points. */
  static String preview(String message) {
    String line = message.replaceAll("\\s+", " ");
    if (line.codePointCount(0, line.length()) <= PREVIEW) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, PREVIEW)).stripTrailing() + "…";
  }
}
