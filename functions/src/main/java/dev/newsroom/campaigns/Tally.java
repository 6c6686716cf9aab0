package dev.newsroom.campaigns;

import java.util.Map;
import java.util.TreeMap;

/** What one batch settled, added to a campaign's counters in one write. */
public final class Tally {

  private long sent;
  private long uncertain;
  private final Map<String, Long> failed = new TreeMap<>();
  private final Map<String, Long> skipped = new TreeMap<>();

  void add(RecipientState state, String reason) {
    switch (state) {
      case SENT -> sent++;
      case UNCERTAIN -> uncertain++;
      case FAILED -> failed.merge(reason, 1L, Long::sum);
      case SKIPPED -> skipped.merge(reason, 1L, Long::sum);
      default -> throw new IllegalArgumentException("not a final state: " + state);
    }
  }

  public long sent() {
    return sent;
  }

  public long uncertain() {
    return uncertain;
  }

  public Map<String, Long> failed() {
    return Map.copyOf(failed);
  }

  public Map<String, Long> skipped() {
    return Map.copyOf(skipped);
  }

  public boolean isEmpty() {
    return sent == 0 && uncertain == 0 && failed.isEmpty() && skipped.isEmpty();
  }

  public long total() {
    return sent + uncertain + failed.values().stream().mapToLong(Long::longValue).sum()
        + skipped.values().stream().mapToLong(Long::longValue).sum();
  }
}
