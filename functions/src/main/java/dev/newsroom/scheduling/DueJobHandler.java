package dev.newsroom.scheduling;

/**
 * What a kind of job does when it is due. The sweep may fire a job twice (two sweeps, a retried
 * invocation), late (a missed sweep), or after its target changed: {@link #fire} must be
 * idempotent and must do nothing when the target is no longer at {@code expectedVersion}.
 * Returning normally means "done, or nothing left to do": the job is then removed. Throwing
 * keeps the job for the next sweep.
 */
public interface DueJobHandler {

  /** The {@link DueJob#kind()} this handler fires. */
  String kind();

  void fire(String targetId, long expectedVersion);
}
