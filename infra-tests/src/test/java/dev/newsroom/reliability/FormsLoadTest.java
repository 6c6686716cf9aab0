package dev.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsroom.config.AwsClients;
import dev.newsroom.devserver.DevServer;
import dev.newsroom.devserver.LocalSes;
import dev.newsroom.infra.Templates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public forms under load, through the dev server on 127.0.0.1 (the real handlers, DynamoDB
 * Local, the outbox's stream poller and the local SES), with 16 concurrent clients: 200 contact
 * messages, plus 1,000 signups of which 20% repeat an address when the subscriptions route exists.
 * Every request comes from 127.0.0.1, so the test raises the rate limits with the template's
 * RateLimitMultiplier, as an operator would for an event; production keeps 1. Afterwards nothing
 * was lost or doubled, and no answer was a 5xx. Throughput is printed, not asserted.
 *
 * <p>Runs in a JVM of its own (surefire execution "load"): the dev server owns the SDK endpoints.
 */
class FormsLoadTest {

  private static final int CLIENTS = 16;
  private static final int CONTACTS = 200;
  private static final int SIGNUPS = 1000;
  private static final String SIGNUP_ROUTE = "POST /api/subscriptions";

  private static DevServer server;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Boolean.getBoolean("newsroom.loadJvm")
            && System.getProperty("aws.endpointUrlDynamoDb") == null,
        "the load test needs a JVM of its own (surefire execution \"load\")");
    server = DevServer.start(Templates.repoRoot(), null, 0);
    // After the template's defaults are applied, before any form handler is built.
    System.setProperty("RATE_LIMIT_MULTIPLIER", "1000");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void contactAndSignupBurst_losesAndDoublesNothing_andNeverAnswers5xx() throws Exception {
    // given 200 distinct contact messages sent with 20% resubmissions (a double click, a retry),
    // and, when signups exist, 1,000 signups of which 20% repeat an address
    List<Request> requests = new ArrayList<>();
    Random resubmit = new Random(7);
    for (int i = 0; i < CONTACTS + CONTACTS / 5; i++) {
      int n = i < CONTACTS ? i : resubmit.nextInt(CONTACTS);
      requests.add(new Request("contact", "/api/contact", "{\"name\":\"Load " + n
          + "\",\"email\":\"contact" + n + "@example.org\",\"subject\":\"Load\","
          + "\"message\":\"Load test message number " + n + ".\",\"website\":\"\"}"));
    }
    boolean signups = Templates.routes().stream().anyMatch(r -> r.key().equals(SIGNUP_ROUTE));
    int distinctSignups = SIGNUPS * 8 / 10;
    if (signups) {
      Random random = new Random(8);
      for (int i = 0; i < SIGNUPS; i++) {
        int n = i < distinctSignups ? i : random.nextInt(distinctSignups);
        // repeats differ in case, as people retype addresses
        String email = (i < distinctSignups ? "reader" : "Reader") + n + "@example.org";
        requests.add(new Request("signup", "/api/subscriptions", "{\"email\":\"" + email
            + "\"}"));
      }
    }
    Collections.shuffle(requests, new Random(42));

    // when 16 clients send them all at once
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    long start = System.nanoTime();
    List<Future<?>> sent = new ArrayList<>();
    for (Request request : requests) {
      sent.add(clients.submit(() -> {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + request.path()))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(request.json())).build(),
            HttpResponse.BodyHandlers.ofString());
        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
            .incrementAndGet();
        return null;
      }));
    }
    for (Future<?> future : sent) {
      future.get(5, TimeUnit.MINUTES);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    clients.shutdown();
    System.out.printf("load: %d requests (%d contact, %d signups) from %d clients in %.1f s:"
        + " %.0f requests/s; statuses %s%n", requests.size(), CONTACTS + CONTACTS / 5,
        signups ? SIGNUPS : 0,
        CLIENTS, seconds, requests.size() / seconds, statuses);

    // then no 5xx, and every contact message accepted
    assertThat(statuses.keySet()).as("statuses").allMatch(s -> s < 500);
    assertThat(count("CONTACT_MESSAGES_TABLE")).as("stored contact messages")
        .isEqualTo(CONTACTS);
    // and each message's notification went out exactly once, once the outbox drained
    waitForEmails(CONTACTS + (signups ? distinctSignups : 0));
    Map<String, Long> notifications = server.ses().sent().stream()
        .filter(m -> m.text().contains("Load test message number"))
        .collect(Collectors.groupingBy(LocalSes.Sent::text, Collectors.counting()));
    assertThat(notifications).hasSize(CONTACTS).allSatisfy((text, n) -> assertThat(n)
        .isEqualTo(1));
    if (signups) {
      assertSignups(distinctSignups);
    }
  }

  /** One subscriber per address, one confirmation email per address (repeats resend nothing). */
  private static void assertSignups(int distinct) {
    // Profiles are the items keyed (sub#<id>, profile); tokens and consent events share the table.
    Map<String, Long> perAddress = AwsClients.dynamoDb().scanPaginator(r -> r
            .tableName(System.getProperty("SUBSCRIBERS_TABLE")).consistentRead(true)).items()
        .stream().filter(item -> item.containsKey("sk") && "profile".equals(item.get("sk").s())
            && item.containsKey("email"))
        .collect(Collectors.groupingBy(item -> item.get("email").s().toLowerCase(),
            Collectors.counting()));
    assertThat(perAddress).as("subscribers per address").hasSize(distinct)
        .allSatisfy((address, n) -> assertThat(n).as(address).isEqualTo(1));
    Map<String, Long> confirmations = server.ses().sent().stream()
        .filter(m -> m.to().stream().anyMatch(t -> t.toLowerCase().startsWith("reader")))
        .collect(Collectors.groupingBy(m -> m.to().get(0).toLowerCase(), Collectors.counting()));
    assertThat(confirmations).hasSize(distinct)
        .allSatisfy((address, n) -> assertThat(n).as(address).isEqualTo(1));
  }

  /** The subscribers table also holds each one's consent log and confirmation tokens. */
  private static long count(String tableVariable) {
    String table = System.getProperty(tableVariable);
    return AwsClients.dynamoDb().scanPaginator(r -> r.tableName(table).consistentRead(true))
        .items().stream().count();
  }

  private static void waitForEmails(int expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 180_000;
    int last = -1;
    long stableSince = System.currentTimeMillis();
    while (System.currentTimeMillis() < deadline) {
      int now = server.ses().sent().size();
      if (now != last) {
        last = now;
        stableSince = System.currentTimeMillis();
      }
      if (now >= expected && System.currentTimeMillis() - stableSince > 3000) {
        return;
      }
      Thread.sleep(250);
    }
  }

  private record Request(String kind, String path, String json) {}
}
