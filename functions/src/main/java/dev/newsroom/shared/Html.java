package dev.newsroom.shared;

/** Text into HTML (email parts, error pages): every character that could open markup is escaped. */
public final class Html {

  private Html() {}

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
