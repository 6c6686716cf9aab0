package dev.newsroom.campaigns;

import dev.newsroom.newsletter.NewsletterRenderer;
import dev.newsroom.shared.ValidationException;

/** The rules for a subject line and a preheader. */
final class CampaignTexts {

  static final int MAX_SUBJECT = NewsletterRenderer.MAX_SUBJECT;
  static final int MAX_PREHEADER = 250;

  private CampaignTexts() {}

  /** The newsletter's own rule, so that a subject accepted here always renders. */
  static String subject(String value) {
    return NewsletterRenderer.requireSubject(value);
  }

  static String preheader(String value) {
    return check("preheader", value, MAX_PREHEADER);
  }

  /** A default cut to the limit at a word boundary where possible. */
  static String fit(String value, int max) {
    String text = value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    String cut = text.substring(0, text.offsetByCodePoints(0, max - 1));
    int space = cut.lastIndexOf(' ');
    return (space > max / 2 ? cut.substring(0, space) : cut) + "…";
  }

  private static String check(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return "";
    }
    // A header line break would let a subject inject headers; U+2028/2029 break lines in clients.
    if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0x2028 || c == 0x2029
        || (Character.isISOControl(c) && c != '\t'))) {
      throw new ValidationException(field, "The " + field + " must be on one line.");
    }
    if (value.codePointCount(0, value.length()) > max) {
      throw new ValidationException(field,
          "The " + field + " must be at most " + max + " characters.");
    }
    return value.strip();
  }
}
