package dev.newsroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.infra.Answers;
import dev.newsroom.infra.BadInput;
import dev.newsroom.infra.Emulators;
import dev.newsroom.infra.FaultProxy;
import dev.newsroom.infra.NoSecretsInLogsHook;
import dev.newsroom.infra.SuiteReport;
import dev.newsroom.infra.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Every route of template.yaml, read at test time, fed generated hostile requests (see
 * {@link BadInput}) through its real handler against DynamoDB Local: each try sends one request
 * to every route, so every route gets as many cases as there are tries. Every answer is 2xx, 3xx
 * or 4xx with the JSON error shape, and a refused request changes nothing: the fault proxy in
 * front of DynamoDB sees no accepted write while it is served.
 */
@AddLifecycleHook(NoSecretsInLogsHook.class)
class BadInputRoutesTest {

  static final int TRIES = 1100;
  private static final String RATE_LIMITS = System.getProperty("RATE_LIMITS_TABLE",
      "RateLimitsTable");
  private static final Map<String, AtomicLongArray> OUTCOMES = new ConcurrentHashMap<>();

  private final Emulators world = Emulators.shared();

  @Property(tries = TRIES, seed = "20261124", maxDiscardRatio = 1)
  void everyRoute_whenFedBadInput_answers4xxJsonOrSucceeds_andARefusalChangesNothing(
      @ForAll("oneRequestPerRoute") List<BadInput.Attack> attacks) {
    FaultProxy dynamoDb = world.dynamoDbProxy();
    for (BadInput.Attack attack : attacks) {
      // when the route serves the request
      dynamoDb.clearCalls();
      APIGatewayV2HTTPResponse response = attack.toCall().invoke();
      int status = response.getStatusCode();
      record(attack.route().key(), status);

      // then: never 5xx; a refusal has the error shape and wrote nothing
      assertThat(status).as("status for %s: %s", attack, response.getBody())
          .isBetween(200, 499);
      if (status >= 400) {
        assertThat(Answers.isJsonError(response))
            .as("JSON error shape for %s: %s", attack, response.getBody()).isTrue();
        // Rate-limit counters meter attempts that passed validation (429 and 409 come after
        // them); a 400 or any other refusal must not even count.
        boolean metered = status == 429 || status == 409;
        assertThat(dynamoDb.calls().stream().filter(FaultProxy.Call::changedState)
            .filter(c -> !(metered && c.tables().equals(Set.of(RATE_LIMITS)))).toList())
            .as("writes accepted while refusing (%d) %s", status, attack).isEmpty();
      }
    }
  }

  @Provide
  Arbitrary<List<BadInput.Attack>> oneRequestPerRoute() {
    List<String> keys = List.of(world.editorKey(), world.revokedKey());
    List<Arbitrary<BadInput.Attack>> perRoute = new ArrayList<>();
    for (Templates.Route route : Templates.routes()) {
      perRoute.add(BadInput.against(route, keys));
    }
    return net.jqwik.api.Combinators.combine(perRoute).as(list -> list);
  }

  private static void record(String route, int status) {
    AtomicLongArray counts = OUTCOMES.computeIfAbsent(route, k -> new AtomicLongArray(6));
    counts.incrementAndGet(Math.min(5, status / 100));
    counts.incrementAndGet(0);
  }

  @AfterContainer
  static void report() {
    long total = 0;
    StringBuilder lines = new StringBuilder();
    for (Map.Entry<String, AtomicLongArray> e : new TreeMap<>(OUTCOMES).entrySet()) {
      AtomicLongArray c = e.getValue();
      total += c.get(0);
      lines.append(String.format("  %-48s %5d cases: 2xx %d, 3xx %d, 4xx %d%n", e.getKey(),
          c.get(0), c.get(2), c.get(3), c.get(4)));
      assertThat(c.get(0)).as("cases for %s", e.getKey()).isGreaterThanOrEqualTo(1000);
    }
    System.out.print("generated bad input per route:\n" + lines);
    SuiteReport.count("fuzz: generated requests (all routes)", total);
    SuiteReport.count("fuzz: routes covered", OUTCOMES.size());
    assertThat(OUTCOMES.keySet()).as("every route was fuzzed").containsAll(
        Templates.routes().stream().map(Templates.Route::key).toList());
  }
}
