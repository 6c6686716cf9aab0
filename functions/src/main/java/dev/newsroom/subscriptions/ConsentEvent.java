package dev.newsroom.subscriptions;

import java.time.Instant;

/**
 * One entry of a subscriber's append-only consent log: what happened, when, and the context that
 * shows it was this person (IP, user agent, the page, the consent wording's version).
 *
 * @param ip the visitor's address, or null for events that come from the mail service
 * @param detail e.g. how an unsubscribe was made, or a bounce's type; never personal data
 */
public record ConsentEvent(Type type, Instant at, String ip, String userAgent, String page,
    String consentVersion, String detail) {

  /** The kinds of entry. */
  public enum Type {
    SIGNUP("signup"),
    CONFIRM("confirm"),
    UNSUBSCRIBE("unsubscribe"),
    BOUNCE("bounce"),
    COMPLAINT("complaint"),
    DATA_REQUEST("data-request"),
    /** New topics, chosen on the preferences page; the detail says which. */
    PREFERENCES("preferences");

    private final String wire;

    Type(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static Type fromWire(String wire) {
      for (Type type : values()) {
        if (type.wire.equals(wire)) {
          return type;
        }
      }
      throw new IllegalArgumentException("unknown consent event: " + wire);
    }
  }

  /** An event a visitor caused through the site. */
  static ConsentEvent byVisitor(Type type, Instant at, Visitor visitor, String page,
      String consentVersion, String detail) {
    return new ConsentEvent(type, at, visitor.ip(), visitor.userAgent(), page, consentVersion,
        detail);
  }

  /** An event the mail service reported (bounce, complaint). */
  static ConsentEvent fromMailService(Type type, Instant at, String detail) {
    return new ConsentEvent(type, at, null, null, null, null, detail);
  }
}
