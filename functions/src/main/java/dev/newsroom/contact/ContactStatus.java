package dev.newsroom.contact;

/** Where a message stands for the editors. */
public enum ContactStatus {
  NEW("new"),
  HANDLED("handled");

  private final String wire;

  ContactStatus(String wire) {
    this.wire = wire;
  }

  /** The name in JSON, in query parameters and in the table. */
  public String wire() {
    return wire;
  }

  public static ContactStatus fromWire(String wire) {
    for (ContactStatus status : values()) {
      if (status.wire.equals(wire)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown status: " + wire);
  }
}
