package dev.newsroom.campaigns;

/**
 * One recipient's way through a campaign: {@code pending → sending → sent | failed | skipped}.
 * {@link #UNCERTAIN} is a {@code sending} claim whose lease ran out: the mail service may have
 * accepted the message, so it is never sent again automatically.
 */
public enum RecipientState {
  PENDING, SENDING, SENT, FAILED, SKIPPED, UNCERTAIN;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static RecipientState fromWire(String wire) {
    return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
  }

  public boolean isFinal() {
    return this != PENDING && this != SENDING;
  }
}
