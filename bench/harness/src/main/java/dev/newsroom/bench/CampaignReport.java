package dev.newsroom.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The campaign bench's table: one column per run, then the ratios against their goals. */
final class CampaignReport {

  private CampaignReport() {}

  static void print(PrintStream out, int recipients, CampaignBench.Run throttled,
      CampaignBench.Run open) {
    List<CampaignBench.Run> runs = List.of(throttled, open);
    out.printf("%n%-46s", "");
    runs.forEach(r -> out.printf(" %18s", r.label()));
    out.println();
    row(out, runs, "campaign done", r -> r.done() ? "yes" : "NO (timed out)");
    row(out, runs, "emails accepted by SES", r -> count(r.emails()));
    row(out, runs, "sent / failed / skipped / uncertain", r -> r.counts().sent() + "/"
        + r.counts().failed() + "/" + r.counts().skipped() + "/" + r.counts().uncertain());
    row(out, runs, "duplicates (goal 0)", r -> count(r.duplicates()));
    row(out, runs, "lost recipients (goal 0)", r -> count(r.lost()));
    row(out, runs, "SES throttling answers", r -> count(r.throttled()));
    row(out, runs, "start to last email (s)", r -> String.format("%.1f", r.seconds()));
    row(out, runs, "emails/s, start to last email", r -> String.format("%.1f",
        r.emails() / r.seconds()));
    row(out, runs, "emails/s, first to last email", r -> String.format("%.1f",
        r.sustainedRate()));
    row(out, runs, "most emails in any 1 s", r -> count(r.peakWindow()));
    row(out, runs, "DynamoDB write requests / recipient", r -> String.format("%.2f",
        writes(r.dynamoRequests()) / (double) recipients));
    for (String op : List.of("PutItem", "UpdateItem", "TransactWriteItems", "BatchWriteItem",
        "DeleteItem")) {
      if (runs.stream().anyMatch(r -> r.dynamoRequests().containsKey(op))) {
        row(out, runs, "  " + op, r -> String.format("%.3f",
            r.dynamoRequests().getOrDefault(op, 0L) / (double) recipients));
      }
    }
    row(out, runs, "  the send rate's counter: ADD", r -> String.format("%.3f",
        r.rateRequests().getOrDefault("UpdateItem", 0L) / (double) recipients));
    row(out, runs, "  the rest: put, claim, settle, tally...", r -> String.format("%.3f",
        (writes(r.dynamoRequests()) - writes(r.rateRequests())) / (double) recipients));
    row(out, runs, "DynamoDB write units / recipient (1)", r -> String.format("%.2f",
        writeUnits(r.dynamoItems()) / recipients));
    row(out, runs, "DynamoDB read requests / recipient", r -> String.format("%.2f",
        (total(r.dynamoRequests()) - writes(r.dynamoRequests())) / (double) recipients));
    row(out, runs, "  the send rate's counter: GetItem", r -> String.format("%.3f",
        r.rateRequests().getOrDefault("GetItem", 0L) / (double) recipients));
    row(out, runs, "DynamoDB items read / recipient", r -> String.format("%.2f",
        (total(r.dynamoItems()) - writes(r.dynamoItems())) / (double) recipients));
    row(out, runs, "sender invocations / 1,000 recipients", r -> String.format("%.1f",
        r.senders().size() * 1000.0 / recipients));
    row(out, runs, "expander invocations / 1,000 recipients", r -> String.format("%.2f",
        r.expanderInvocations() * 1000.0 / recipients));
    row(out, runs, "sender invocation, median ms", r -> String.format("%.0f",
        Stats.median(r.senders().stream().map(i -> i.nanos() / 1e6).toList())));
    row(out, runs, "sender invocation, max ms", r -> String.format("%.0f",
        r.senders().stream().mapToLong(EventSourceMapping.Invocation::nanos).max().orElse(0)
            / 1e6));
    row(out, runs, "sender GB-s / 1,000 recipients (2)", r -> String.format("%.1f",
        r.senders().stream().mapToLong(EventSourceMapping.Invocation::nanos).sum() / 1e9
            * 1000 / recipients));
    row(out, runs, "sender heap allocated / invocation, MB", r -> String.format("%.1f",
        r.senders().stream().mapToLong(EventSourceMapping.Invocation::allocatedBytes).average()
            .orElse(0) / 1e6));
    row(out, runs, "  the most in one invocation, MB", r -> String.format("%.1f",
        r.senders().stream().mapToLong(EventSourceMapping.Invocation::allocatedBytes).max()
            .orElse(0) / 1e6));
    row(out, runs, "SQS requests / 1,000 recipients (3)", r -> String.format("%.1f",
        r.sqsRequests() * 1000.0 / recipients));
    out.println("(1) one unit per item written (items under 1 KB), two per item of a transaction");
    out.println("(2) at the template's 1,024 MB, summed invocation time on this machine");
    out.println("(3) send calls, and one receive and one delete call per invocation (idle polls"
        + " of the event source mapping not counted)");

    out.printf("%nRATIO achieved / allowed send rate, start to last email = %.3f  (goal >= 0.95)%n",
        throttled.emails() / throttled.seconds() / throttled.allowed());
    out.printf("RATIO achieved / allowed send rate, first to last email = %.3f%n",
        throttled.sustainedRate() / throttled.allowed());
    out.printf("RATIO pipeline ceiling (unthrottled) / allowed rate = %.2f%n",
        open.emails() / open.seconds() / throttled.allowed());
    for (CampaignBench.Run r : runs) {
      out.printf("CHECK %s: duplicates %d, lost %d (goal 0 and 0); sent %d = SES accepted %d: %s;"
          + " write requests / recipient %.2f (goal <= 3)%n", r.label(), r.duplicates(),
          r.lost(), r.counts().sent(), r.emails(), r.counts().sent() == r.emails() ? "yes" : "NO",
          writes(r.dynamoRequests()) / (double) recipients);
    }
  }

  private static void row(PrintStream out, List<CampaignBench.Run> runs, String label,
      Function<CampaignBench.Run, String> value) {
    out.printf("%-46s", label);
    runs.forEach(r -> out.printf(" %18s", value.apply(r)));
    out.println();
  }

  private static String count(long n) {
    return String.format("%,d", n);
  }

  private static long total(Map<String, Long> byOperation) {
    return byOperation.values().stream().mapToLong(Long::longValue).sum();
  }

  private static long writes(Map<String, Long> byOperation) {
    return byOperation.entrySet().stream().filter(e -> DynamoDbCounter.WRITES.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
  }

  private static double writeUnits(Map<String, Long> items) {
    double units = 0;
    for (Map.Entry<String, Long> e : items.entrySet()) {
      if (DynamoDbCounter.WRITES.contains(e.getKey())) {
        units += e.getKey().equals("TransactWriteItems") ? 2.0 * e.getValue() : e.getValue();
      }
    }
    return units;
  }
}
