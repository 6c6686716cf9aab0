package dev.newsroom.campaigns;

import dev.newsroom.mail.EmailMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Records accepted emails; answers from a script first, then "sent". */
final class ScriptedMailer implements CampaignMailer {

  record Delivery(String to, String campaignId, String subscriberId, String kind) {}

  final List<Delivery> delivered = new ArrayList<>();
  private final Deque<Result> script = new ArrayDeque<>();
  /** Runs before each answer (e.g. to move the clock or change a subscriber). */
  Consumer<EmailMessage> beforeSend = m -> {};

  void then(Result... results) {
    script.addAll(List.of(results));
  }

  @Override
  public synchronized Result send(EmailMessage message, String campaignId, String subscriberId) {
    beforeSend.accept(message);
    Result result = script.isEmpty() ? Result.SENT : script.poll();
    // Accepted or possibly accepted: the reader may have it.
    if (result.outcome() == Outcome.SENT || result.outcome() == Outcome.UNKNOWN) {
      delivered.add(new Delivery(message.to(), campaignId, subscriberId, message.kind()));
    }
    return result;
  }
}
