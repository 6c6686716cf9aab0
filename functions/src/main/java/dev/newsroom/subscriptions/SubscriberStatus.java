package dev.newsroom.subscriptions;

/**
 * Where an address stands. Only {@link #PENDING} and {@link #CONFIRMED} addresses are mailed;
 * {@link #SUPPRESSED} is final (a hard bounce or a complaint); {@link #ERASED} is the tombstone
 * an erase leaves when the address was not suppressed.
 */
public enum SubscriberStatus {
  PENDING("pending"),
  CONFIRMED("confirmed"),
  UNSUBSCRIBED("unsubscribed"),
  SUPPRESSED("suppressed"),
  ERASED("erased");

  private final String wire;

  SubscriberStatus(String wire) {
    this.wire = wire;
  }

  /** The name in the table and in exports. */
  public String wire() {
    return wire;
  }

  public static SubscriberStatus fromWire(String wire) {
    for (SubscriberStatus status : values()) {
      if (status.wire.equals(wire)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown subscriber status: " + wire);
  }
}
