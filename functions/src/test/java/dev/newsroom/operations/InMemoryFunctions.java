package dev.newsroom.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Functions that record what they were invoked with and answer with a given reply. */
final class InMemoryFunctions implements Functions {

  record Call(String function, String payload, boolean async) {}

  final List<Call> calls = new ArrayList<>();
  private UnaryOperator<String> reply = payload -> "{}";

  InMemoryFunctions replying(UnaryOperator<String> reply) {
    this.reply = reply;
    return this;
  }

  @Override
  public void invokeAsync(String function, String payload) {
    calls.add(new Call(function, payload, true));
    reply.apply(payload);
  }

  @Override
  public String invoke(String function, String payload) {
    calls.add(new Call(function, payload, false));
    return reply.apply(payload);
  }
}
