package dev.newsroom.mail;

/** Text into the HTML part of an email: every character that could open markup is escaped. */
public final class MailHtml {

  private MailHtml() {}

  /** Escapes {@code & < > " '}, so the result is safe in element content and quoted attributes. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
