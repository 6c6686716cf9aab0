package dev.newsroom.campaigns;

/**
 * Where a campaign stands. {@link #SENDING} and {@link #PAUSED} alternate; {@link #CANCELLED} and
 * {@link #DONE} are final.
 */
public enum CampaignState {
  DRAFT, SCHEDULED, SENDING, PAUSED, CANCELLED, DONE;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static CampaignState fromWire(String wire) {
    return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
  }

  boolean isFinal() {
    return this == CANCELLED || this == DONE;
  }
}
