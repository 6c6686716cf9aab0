package dev.newsroom.campaigns;

import java.util.HashMap;
import java.util.Map;

/** The per-second counters in memory, counting the requests a store would bill. */
final class InMemorySecondCounters implements SecondCounters {

  final Map<Long, Long> used = new HashMap<>();
  int adds;
  int reads;

  @Override
  public synchronized long add(long epochSecond, int n) {
    adds++;
    return used.merge(epochSecond, (long) n, Long::sum);
  }

  @Override
  public synchronized long read(long epochSecond) {
    reads++;
    return used.getOrDefault(epochSecond, 0L);
  }
}
