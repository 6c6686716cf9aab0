package dev.newsroom.campaigns;

import dev.newsroom.shared.Clock;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * The shared send rate as one counter per calendar second. A sender takes several sends with one
 * unconditional ADD: it is granted what fits under the limit given what others added before it,
 * so no second is ever granted more than the limit, and no request is refused (a refused
 * conditional write is billed like any other).
 *
 * <p>Writes are what the rate costs, so a sender wastes none:
 * <ul>
 *   <li>its first ask in a second is its share, the limit divided by the number of senders, so
 *       that all of them together take the whole second in one write each;</li>
 *   <li>asking again in a second it took from, it reads the counter first, and takes what is
 *       left only if anything is;</li>
 *   <li>when a second is used up, the same call takes from the next one, which the sender waits
 *       for; and a second it saw used up is never asked for again.</li>
 * </ul>
 * One instance per sender (execution environment).
 */
public final class PerSecondSendRate implements SendRate {

  private static final long SECOND_NANOS = 1_000_000_000L;

  private final SecondCounters counters;
  private final IntSupplier limit;
  private final int senders;
  private final Clock clock;
  /** The latest second this sender saw used up. */
  private long full = Long.MIN_VALUE;
  /** The latest second this sender took from. */
  private long taken = Long.MIN_VALUE;

  /**
   * @param limit sends per second allowed now
   * @param senders how many senders share the rate at most (the sender's reserved concurrency)
   */
  public PerSecondSendRate(SecondCounters counters, IntSupplier limit, int senders,
      Clock clock) {
    if (senders < 1) {
      throw new IllegalArgumentException("at least one sender");
    }
    this.counters = counters;
    this.limit = limit;
    this.senders = senders;
    this.clock = clock;
  }

  @Override
  public synchronized Grant acquire(Ask ask) {
    int max = limit.getAsInt();
    Instant now = clock.now();
    long current = now.getEpochSecond();
    for (long second = Math.max(current, full + 1); second <= current + 1; second++) {
      long left = second == current ? SECOND_NANOS - now.getNano() : SECOND_NANOS;
      int want = Math.min(ask.within(left), share(max));
      if (second == taken) {
        long used = counters.read(second);
        if (used >= max) {
          full = second;
          continue;
        }
        want = (int) Math.min(ask.within(left), max - used);
      }
      long after = counters.add(second, want);
      if (after >= max) {
        full = Math.max(full, second);
      }
      int granted = (int) Math.max(0, Math.min(want, max - (after - want)));
      if (granted > 0) {
        taken = second;
        return new Grant(granted, second == current ? now : Instant.ofEpochSecond(second),
            Instant.ofEpochSecond(second + 1));
      }
    }
    Instant next = Instant.ofEpochSecond(current + 1);
    return new Grant(0, next, next);
  }

  private int share(int max) {
    return Math.max(1, (max + senders - 1) / senders);
  }
}
