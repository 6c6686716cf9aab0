package dev.newsroom.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.shared.Clock;
import dev.newsroom.shared.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The shared send rate over a store of per-second counters: what every store must give. Run
 * against memory ({@link InMemorySecondCountersTest}) and DynamoDB Local
 * ({@code DynamoDbSecondCountersTest} in infra-tests).
 */
abstract class SendRateContract {

  /** Counters sharing nothing with those of another call. */
  abstract SecondCounters counters();

  @Test
  void acquire_whenSendersAskAtOnce_neverGrantsASecondMoreThanTheLimit_andUsesEverySecond()
      throws Exception {
    int limit = 25;
    int senders = 6;
    SecondCounters shared = counters();
    Map<Long, AtomicLong> granted = new ConcurrentHashMap<>();
    long end = System.nanoTime() + Duration.ofMillis(4_500).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        running.add(pool.submit(() -> {
          SendRate rate = new PerSecondSendRate(shared, () -> limit, senders, Clock.system());
          while (System.nanoTime() < end) {
            SendRate.Grant grant = rate.acquire(new SendRate.Ask(10, 0));
            long second = grant.from().getEpochSecond();
            if (grant.tokens() > 0) {
              assertThat(grant.until()).isEqualTo(Instant.ofEpochSecond(second + 1));
              granted.computeIfAbsent(second, s -> new AtomicLong()).addAndGet(grant.tokens());
            }
            // sends its tokens at once, and waits only for a second it has nothing from yet
            sleepUntil(grant.tokens() > 0 ? Instant.now() : grant.from());
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    TreeMap<Long, Long> perSecond = new TreeMap<>();
    granted.forEach((second, n) -> perSecond.put(second, n.get()));
    assertThat(perSecond.values()).as("sends granted per second").allMatch(n -> n <= limit);
    // every second the senders asked throughout, from start to end, was used whole
    assertThat(perSecond.size()).isGreaterThanOrEqualTo(4);
    perSecond.pollFirstEntry();
    perSecond.pollLastEntry();
    assertThat(perSecond.values()).as("sends granted per whole second").allMatch(n -> n == limit);
  }

  @Test
  void acquire_whenTheSecondIsUsedUp_grantsFromTheNextInTheSameCall_readingBeforeWriting() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00.400Z"));
    Counting counting = new Counting(counters());
    PerSecondSendRate a = new PerSecondSendRate(counting, () -> 10, 2, clock);
    PerSecondSendRate b = new PerSecondSendRate(counting, () -> 10, 2, clock);
    SendRate.Ask ask = new SendRate.Ask(50, 0);
    Instant next = Instant.parse("2026-12-01T10:00:01Z");

    // each of the two senders takes its share, in one write: the second is used up
    assertThat(a.acquire(ask)).isEqualTo(new SendRate.Grant(5, clock.now(), next));
    assertThat(b.acquire(ask).tokens()).isEqualTo(5);
    assertThat(counting.adds).isEqualTo(2);

    // asking again, a sender reads, sees no room, and takes its share of the next second in the
    // same call; the one whose write filled the second knew, and does not even read
    assertThat(a.acquire(ask)).isEqualTo(new SendRate.Grant(5, next, next.plusSeconds(1)));
    assertThat(b.acquire(ask)).isEqualTo(new SendRate.Grant(5, next, next.plusSeconds(1)));
    assertThat(counting.adds).isEqualTo(4);
    assertThat(counting.reads).isEqualTo(1);

    // with both seconds used up, a third sender is granted nothing and told when to ask again
    PerSecondSendRate c = new PerSecondSendRate(counting, () -> 10, 2, clock);
    assertThat(c.acquire(ask)).isEqualTo(new SendRate.Grant(0, next, next));
    // and senders that saw both used up ask the store nothing until the next second
    int before = counting.adds + counting.reads;
    assertThat(b.acquire(ask)).isEqualTo(new SendRate.Grant(0, next, next));
    assertThat(c.acquire(ask)).isEqualTo(new SendRate.Grant(0, next, next));
    assertThat(counting.adds + counting.reads).isEqualTo(before);
  }

  @Test
  void acquire_whenFewSendersShareIt_takesTheRestOfTheSecondOnceItsShareIsUsed() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T11:00:00.100Z"));
    PerSecondSendRate alone = new PerSecondSendRate(counters(), () -> 30, 10, clock);

    assertThat(alone.acquire(new SendRate.Ask(50, 0)).tokens()).isEqualTo(3);
    assertThat(alone.acquire(new SendRate.Ask(50, 0)).tokens()).isEqualTo(27);
  }

  @Test
  void acquire_asksNoMoreThanTheSenderCanSendBeforeTheSecondEnds() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00.500Z"));
    PerSecondSendRate rate = new PerSecondSendRate(counters(), () -> 30, 1, clock);
    SendRate.Ask slow = new SendRate.Ask(50, Duration.ofMillis(100).toNanos());

    // 0.5 s left at 100 ms a send, then a whole second (and the send under way as it ends)
    assertThat(rate.acquire(slow).tokens()).isEqualTo(6);
    clock.advance(Duration.ofMillis(500));
    assertThat(rate.acquire(slow).tokens()).isEqualTo(11);
  }

  static void sleepUntil(Instant at) {
    long millis = Duration.between(Instant.now(), at).toMillis();
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Counts the requests a store would bill. */
  private static final class Counting implements SecondCounters {
    private final SecondCounters counters;
    int adds;
    int reads;

    Counting(SecondCounters counters) {
      this.counters = counters;
    }

    @Override
    public long add(long epochSecond, int n) {
      adds++;
      return counters.add(epochSecond, n);
    }

    @Override
    public long read(long epochSecond) {
      reads++;
      return counters.read(epochSecond);
    }
  }
}
