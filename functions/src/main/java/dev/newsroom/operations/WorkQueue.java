package dev.newsroom.operations;

/** The queue whose consumer gave up on a message: where a moved dead letter goes back to. */
public interface WorkQueue {

  void send(String body);
}
