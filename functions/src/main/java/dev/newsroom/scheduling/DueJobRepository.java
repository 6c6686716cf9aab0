package dev.newsroom.scheduling;

import java.time.Instant;
import java.util.List;

/** Where due jobs wait, ordered by due time. */
public interface DueJobRepository {

  /** Stores the job; storing the same job again changes nothing. */
  void put(DueJob job);

  /**
   * Removes the job if it is still stored.
   *
   * @return false when it was already gone (another sweep, or its target's write removed it)
   */
  boolean remove(DueJob job);

  /** Jobs with {@code dueAt <= now}, oldest first, at most {@code limit}. */
  List<DueJob> due(Instant now, int limit);
}
