package dev.newsroom.operations;

/** The stack's functions, invoked by name as their event sources would. */
public interface Functions {

  /**
   * Queues an asynchronous invocation, as S3 and SNS do: the function's own retries and its
   * dead-letter target apply again, so a payload that still fails comes back to the queue.
   */
  void invokeAsync(String function, String payload);

  /**
   * Runs the function and returns its response.
   *
   * @throws RedriveFailedException when the function failed
   */
  String invoke(String function, String payload);
}
