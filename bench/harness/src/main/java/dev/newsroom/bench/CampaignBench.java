package dev.newsroom.bench;

import dev.newsroom.campaigns.Campaign;
import dev.newsroom.campaigns.CampaignJobsHandler;
import dev.newsroom.campaigns.CampaignRequest;
import dev.newsroom.campaigns.CampaignSenderHandler;
import dev.newsroom.campaigns.CampaignService;
import dev.newsroom.campaigns.CampaignState;
import dev.newsroom.campaigns.CampaignsWiring;
import dev.newsroom.campaigns.Counts;
import dev.newsroom.campaigns.DynamoDbCampaignRepository;
import dev.newsroom.devserver.LocalAws;
import dev.newsroom.devserver.SamTemplate;
import dev.newsroom.subscriptions.BenchSubscribers;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One campaign to every confirmed subscriber through the real pipeline, twice in one run: with
 * SES enforcing a send rate, and with SES unthrottled (the pipeline's own ceiling here). The
 * handlers are built by their no-arg constructors (CampaignsWiring, the real adapters and SDK
 * clients); DynamoDB Local sits behind a counting proxy, SES v2 and SQS are stand-ins over HTTP,
 * and the template's SQS event source mappings run as threads, one handler per environment.
 *
 * <p>Arguments: {@code --repo DIR [--recipients N] [--rate PER_SECOND] [--senders N]}. The
 * unthrottled run goes first (it also warms the JIT); the throttled one is held to {@code --rate},
 * by default half the rate the unthrottled run reached (at most 500/s), so that what limits it is
 * the shared rate and not this machine.
 */
public final class CampaignBench {

  private static final String SENDER = "CampaignSenderFunction";
  private static final String EXPANDER = "CampaignJobsFunction";
  private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(120);

  /** What one campaign run measured. */
  record Run(String label, int allowed, Counts counts, boolean done, long emails,
      long duplicates, long lost, long throttled, double seconds, double sustainedRate,
      int peakWindow, Map<String, Long> dynamoRequests, Map<String, Long> dynamoItems,
      Map<String, Long> rateRequests, List<EventSourceMapping.Invocation> senders,
      int expanderInvocations, long sqsRequests) {}

  private CampaignBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.parse(args);
    Path repo = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
    int recipients = Integer.parseInt(opts.getOrDefault("recipients", "10000"));
    int rate = Integer.parseInt(opts.getOrDefault("rate", "0"));
    int senders = Integer.parseInt(opts.getOrDefault("senders", "8"));
    // The JDK's HTTP server leaves Nagle's algorithm on: with delayed ACKs every small answer of
    // the stand-ins and the proxy would wait about 40 ms.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    PrintStream out = System.out;
    Path log = repo.resolve("bench/harness/target/campaign-bench.log");
    Files.createDirectories(log.getParent());
    // The pipeline's one JSON line per batch goes to a file; the report stays on stdout.
    try (PrintStream logs = new PrintStream(new FileOutputStream(log.toFile()), false, "UTF-8");
        BenchWorld world = BenchWorld.start(repo);
        DynamoDbCounter dynamoDb = DynamoDbCounter.start(world.endpoint());
        SesStandIn ses = SesStandIn.start();
        SqsStandIn sqs = SqsStandIn.start()) {
      System.setOut(logs);
      long loadStart = System.nanoTime();
      BenchSubscribers.load(world.dynamoDb, "SubscribersTable", recipients, Instant.now());
      out.printf("Loaded %,d confirmed subscribers into DynamoDB Local in %.1f s%n", recipients,
          (System.nanoTime() - loadStart) / 1e9);
      configure(world, dynamoDb, ses, sqs);
      // Each sender's first ask in a second is the rate divided by the senders there can be.
      System.setProperty("CAMPAIGN_SENDER_CONCURRENCY", Integer.toString(senders));
      SamTemplate.QueueSubscription sends = subscription(world.template, SENDER);
      SamTemplate.QueueSubscription jobs = subscription(world.template, EXPANDER);
      out.printf("Pipeline: %d sender environments (BatchSize %d x %d recipients), 1 expander;"
          + " logs in %s%n", senders, sends.batchSize(), dev.newsroom.campaigns.CampaignQueue.BATCH,
          repo.relativize(log));
      Run open = run("SES unthrottled", 0, recipients, senders, sends, jobs, world, dynamoDb,
          ses, sqs);
      out.printf("  ran: SES unthrottled, %.0f emails/s%n", open.emails() / open.seconds());
      // Below the ceiling, what the ratio measures is the shared rate, not this machine.
      int allowed = rate > 0 ? rate
          : Math.max(10, Math.min(500, (int) (open.emails() / open.seconds() / 2) / 10 * 10));
      Run throttled = run("SES at " + allowed + "/s", allowed, recipients, senders, sends, jobs,
          world, dynamoDb, ses, sqs);
      out.printf("  ran: SES at %d/s (%s)%n", allowed, rate > 0 ? "--rate"
          : "half the unthrottled rate, at most 500/s; --rate to choose");
      CampaignReport.print(out, recipients, throttled, open);
    } finally {
      System.setOut(out);
    }
  }

  private static Run run(String label, int allowed, int recipients, int senders,
      SamTemplate.QueueSubscription sends, SamTemplate.QueueSubscription jobs, BenchWorld world,
      DynamoDbCounter dynamoDb, SesStandIn ses, SqsStandIn sqs) throws Exception {
    ses.reset(allowed);
    sqs.resetCounts();
    dynamoDb.reset();
    CampaignService service = CampaignsWiring.service();
    Campaign campaign = service.create(new CampaignRequest(BenchWorld.SEED_SLUG, false, null,
        null, null, null, List.of()), "bench-editor");
    // Progress is read past the counting proxy, so watching costs the pipeline nothing.
    DynamoDbCampaignRepository watch = new DynamoDbCampaignRepository(world.dynamoDb,
        "CampaignsTable");
    EventSourceMapping senderMapping = new EventSourceMapping(sqs, sends.queue(), SENDER,
        sends.batchSize(), FUNCTION_TIMEOUT);
    EventSourceMapping jobsMapping = new EventSourceMapping(sqs, jobs.queue(), EXPANDER,
        jobs.batchSize(), FUNCTION_TIMEOUT);
    senderMapping.start(senders, CampaignSenderHandler::new);
    jobsMapping.start(1, CampaignJobsHandler::new);
    long start = System.nanoTime();
    service.start(campaign.id(), null);
    long limit = start + Duration.ofSeconds(120 + 5L * recipients / Math.max(allowed, 200))
        .toNanos();
    Campaign seen = campaign;
    while (System.nanoTime() < limit) {
      seen = watch.find(campaign.id()).orElseThrow();
      if (seen.state() == CampaignState.DONE) {
        break;
      }
      Thread.sleep(50);
    }
    senderMapping.close();
    jobsMapping.close();
    long[] accepted = ses.acceptedAt();
    long emails = ses.received().values().stream().mapToLong(AtomicInteger::get).sum();
    long duplicates = ses.received().values().stream().mapToLong(n -> n.get() - 1).sum();
    long lost = 0;
    for (int i = 0; i < recipients; i++) {
      if (!ses.received().containsKey(BenchSubscribers.email(i))) {
        lost++;
      }
    }
    double seconds = accepted.length == 0 ? 0 : (accepted[accepted.length - 1] - start) / 1e9;
    double sustained = accepted.length < 2 ? 0
        : (accepted.length - 1) / ((accepted[accepted.length - 1] - accepted[0]) / 1e9);
    long sqsRequests = sqs.sendRequests.get() + sqs.receiveRequests.get()
        + sqs.deleteRequests.get();
    return new Run(label, allowed, seen.counts(), seen.state() == CampaignState.DONE, emails,
        duplicates, lost, ses.throttled(), seconds, sustained, peakWindow(accepted),
        dynamoDb.requests(), dynamoDb.items(), dynamoDb.rateRequests(),
        senderMapping.invocations(),
        jobsMapping.invocations().size(), sqsRequests);
  }

  /** The most emails accepted within any one second. */
  private static int peakWindow(long[] accepted) {
    int peak = 0;
    for (int from = 0, to = 0; to < accepted.length; to++) {
      while (accepted[to] - accepted[from] >= 1_000_000_000L) {
        from++;
      }
      peak = Math.max(peak, to - from + 1);
    }
    return peak;
  }

  /**
   * The template's environment for every function, with the SDK pointed at the proxy and the
   * stand-ins, as the dev server does.
   */
  private static void configure(BenchWorld world, DynamoDbCounter dynamoDb, SesStandIn ses,
      SqsStandIn sqs) {
    LocalAws.configure(dynamoDb.endpoint(), ses.endpoint());
    LocalAws.applyEnvironment(world.template);
    System.setProperty("aws.accessKeyId", BenchWorld.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", BenchWorld.SECRET_KEY);
    System.setProperty("aws.endpointUrlSqs", sqs.endpoint());
    System.setProperty("aws.endpointUrlSecretsManager", world.secretsManagerEndpoint());
    System.setProperty("SITE_URL", "https://news.example");
    for (SamTemplate.QueueSubscription s : world.template.queueSubscriptions()) {
      world.template.functions().stream().filter(f -> f.id().equals(s.functionId()))
          .flatMap(f -> f.environment().entrySet().stream())
          .filter(e -> e.getKey().endsWith("_QUEUE_URL"))
          .forEach(e -> System.setProperty(e.getKey(), sqs.url(e.getValue())));
    }
  }

  private static SamTemplate.QueueSubscription subscription(SamTemplate template,
      String function) {
    return template.queueSubscriptions().stream().filter(s -> s.functionId().equals(function))
        .findFirst().orElseThrow(() -> new IllegalStateException(
            "no SQS event for " + function + " in template.yaml"));
  }
}
