package dev.newsroom.campaigns;

import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's tallies, each kept by atomic ADDs. Every recipient ends in exactly one of sent,
 * failed, skipped or uncertain; bounced and complained count feedback on sent mail, and
 * unsubscribed the readers who left through this campaign's own unsubscribe link.
 */
public record Counts(long recipients, long sent, long failed, long skipped, long uncertain,
    long bounced, long complained, long unsubscribed, Map<String, Long> failedReasons,
    Map<String, Long> skippedReasons) {

  public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());

  public Counts {
    failedReasons = Map.copyOf(new TreeMap<>(failedReasons));
    skippedReasons = Map.copyOf(new TreeMap<>(skippedReasons));
  }

  public long finished() {
    return sent + failed + skipped + uncertain;
  }

  public long pending() {
    return Math.max(0, recipients - finished());
  }
}
