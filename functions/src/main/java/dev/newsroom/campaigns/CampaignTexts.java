package dev.newsroom.campaigns;

import dev.newsroom.shared.ValidationException;

/** The rules for a subject line and a preheader. */
final class CampaignTexts {

  /** Longer subjects are cut by every mail client; RFC 5322 lines stay far below 998. */
  static final int MAX_SUBJECT = 150;
  static final int MAX_PREHEADER = 250;

  private CampaignTexts() {}

  static String subject(String value) {
    return check("subject", value, MAX_SUBJECT, true);
  }

  static String preheader(String value) {
    return check("preheader", value, MAX_PREHEADER, false);
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

  private static String check(String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new ValidationException(field, "The " + field + " must not be empty.");
      }
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
