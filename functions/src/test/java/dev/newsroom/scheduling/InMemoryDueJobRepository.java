package dev.newsroom.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Due jobs in a sorted set, with the adapter's contract: oldest first, remove reports absence. */
public final class InMemoryDueJobRepository implements DueJobRepository {

  private static final Comparator<DueJob> ORDER = Comparator.comparing(DueJob::dueAt)
      .thenComparing(DueJob::kind).thenComparingLong(DueJob::expectedVersion)
      .thenComparing(DueJob::targetId);

  private final Set<DueJob> jobs = new TreeSet<>(ORDER);
  private RuntimeException nextFailure;

  @Override
  public synchronized void put(DueJob job) {
    failIfAsked();
    jobs.add(job);
  }

  @Override
  public synchronized boolean remove(DueJob job) {
    failIfAsked();
    return jobs.remove(job);
  }

  @Override
  public synchronized List<DueJob> due(Instant now, int limit) {
    failIfAsked();
    return jobs.stream().filter(job -> !job.dueAt().isAfter(now)).limit(limit).toList();
  }

  /** The next call throws {@code failure}, as a throttled or unreachable table would. */
  public synchronized void failNextCall(RuntimeException failure) {
    nextFailure = failure;
  }

  public synchronized List<DueJob> all() {
    return new ArrayList<>(jobs);
  }

  private void failIfAsked() {
    RuntimeException failure = nextFailure;
    nextFailure = null;
    if (failure != null) {
      throw failure;
    }
  }
}
