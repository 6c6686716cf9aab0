package dev.newsroom.shared;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated, normalised mailbox address such as {@code Ada@example.org}: the only form in which
 * an address a visitor typed may reach a header, a table or a rate-limit key.
 *
 * <p>Deliberately stricter than RFC 5322: no display names, comments, quoted local parts, IP
 * literals or line breaks, because those are what header injection and mail-parser tricks use and
 * no real reader needs them on a web form. The local part keeps its case (mailbox names may be
 * case-sensitive); the domain is lower-cased, and an internationalised domain becomes punycode.
 *
 * <p>{@link #toString()} does not print the address, so one that slips into a log line leaks
 * nothing.
 */
public final class EmailAddress {

  /** RFC 5321's path limit (256) minus the angle brackets. */
  public static final int MAX_LENGTH = 254;
  static final int MAX_LOCAL = 64;
  static final int MAX_LABEL = 63;

  /** RFC 5322 dot-atom text: printable ASCII except specials, dots only between atoms. */
  private static final Pattern LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
  private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

  private final String local;
  private final String domain;

  private EmailAddress(String local, String domain) {
    this.local = local;
    this.domain = domain;
  }

  /** Validates the {@code email} field; see {@link #parse(String, String)}. */
  public static EmailAddress parse(String raw) {
    return parse("email", raw);
  }

  /**
   * Trims, validates and normalises {@code raw}.
   *
   * @param field the input field named in the error
   * @throws ValidationException when it is absent or not a plain mailbox address
   */
  public static EmailAddress parse(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      throw new ValidationException(field, "The " + field + " address is required.");
    }
    // Checked before trimming: a trailing CR/LF is an injection attempt, not stray whitespace.
    if (raw.indexOf('\r') >= 0 || raw.indexOf('\n') >= 0) {
      throw new ValidationException(field, "The " + field + " address must not contain line breaks.");
    }
    String text = raw.strip();
    if (text.length() > MAX_LENGTH) {
      throw tooLong(field);
    }
    if (text.indexOf('<') >= 0 || text.indexOf('>') >= 0 || text.indexOf(' ') >= 0) {
      throw new ValidationException(field,
          "Give the " + field + " address alone, without a name or angle brackets.");
    }
    int at = text.indexOf('@');
    if (at < 0 || at != text.lastIndexOf('@')) {
      throw invalid(field);
    }
    String local = text.substring(0, at);
    if (local.isEmpty() || local.length() > MAX_LOCAL || !LOCAL.matcher(local).matches()) {
      throw invalid(field);
    }
    String domain = domain(field, text.substring(at + 1));
    if (local.length() + 1 + domain.length() > MAX_LENGTH) {
      throw tooLong(field);
    }
    return new EmailAddress(local, domain);
  }

  /** True when {@link #parse(String)} would accept {@code raw}. */
  public static boolean isValid(String raw) {
    try {
      parse(raw);
      return true;
    } catch (ValidationException e) {
      return false;
    }
  }

  private static String domain(String field, String raw) {
    String ascii;
    try {
      // Unicode domains become punycode (what DNS and SES use); plain ones are only lower-cased.
      ascii = IDN.toASCII(raw, 0).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw invalid(field);
    }
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2 || ascii.length() > MAX_LENGTH) {
      throw invalid(field);
    }
    for (String label : labels) {
      if (label.length() > MAX_LABEL || !LABEL.matcher(label).matches()) {
        throw invalid(field);
      }
    }
    // A numeric top-level label means an IP address, never a mail domain.
    if (NUMERIC.matcher(labels[labels.length - 1]).matches()) {
      throw invalid(field);
    }
    return ascii;
  }

  /** The normalised address, for To and Reply-To headers and for storage. */
  public String value() {
    return local + "@" + domain;
  }

  public String domain() {
    return domain;
  }

  /**
   * The address fully lower-cased. Nearly every provider ignores case in the local part, so this
   * is the key for counting and de-duplicating (rate limits, idempotency, one subscription per
   * reader); mail still goes to {@link #value()}.
   */
  public String canonical() {
    return value().toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EmailAddress that && local.equals(that.local)
        && domain.equals(that.domain);
  }

  @Override
  public int hashCode() {
    return value().hashCode();
  }

  /** Redacted: addresses must never reach logs by accident. */
  @Override
  public String toString() {
    return "EmailAddress[redacted]";
  }

  private static ValidationException invalid(String field) {
    return new ValidationException(field, "The " + field + " address is not valid.");
  }

  private static ValidationException tooLong(String field) {
    return new ValidationException(field,
        "The " + field + " address must be at most " + MAX_LENGTH + " characters.");
  }
}
