package dev.newsroom.operations;

/** One message read from a dead-letter queue: its body, and the handle that deletes it. */
public record DeadLetter(String body, String receipt) {}
