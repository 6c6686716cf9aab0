package dev.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.infra.Answers;
import dev.newsroom.infra.Emulators;
import dev.newsroom.infra.FaultProxy.Fault;
import dev.newsroom.infra.SampleRequests;
import dev.newsroom.infra.SuiteReport;
import dev.newsroom.infra.Templates;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every route of template.yaml, with a request it would accept, while a dependency is down for
 * every attempt: the answer is 503 with Retry-After (the request was not accepted, try again), or a
 * 4xx given before the dependency was touched; never a 500, and nothing is written.
 */
class OutageTest {

  private static final List<Fault> DYNAMODB_FAULTS =
      List.of(Fault.DYNAMODB_THROUGHPUT, Fault.DYNAMODB_500, Fault.DROP);
  private static final List<Fault> MOTO_FAULTS =
      List.of(Fault.SES_THROTTLING, Fault.S3_503, Fault.DROP);

  private final Emulators world = Emulators.shared();

  @TestFactory
  List<DynamicTest> everyRoute_whenDynamoDbIsDown_answers503OrAnEarly4xx_neverA500() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Templates.Route route : Templates.routes()) {
      for (Fault fault : DYNAMODB_FAULTS) {
        tests.add(DynamicTest.dynamicTest(route.key() + " with DynamoDB " + fault,
            () -> check(route, fault, true)));
      }
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> everyRoute_whenSesAndS3AreDown_answers503OrWorks_neverA500() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Templates.Route route : Templates.routes()) {
      for (Fault fault : MOTO_FAULTS) {
        tests.add(DynamicTest.dynamicTest(route.key() + " with SES/S3 " + fault,
            () -> check(route, fault, false)));
      }
    }
    return tests;
  }

  private void check(Templates.Route route, Fault fault, boolean dynamoDb) {
    // given a request the route accepts, and a dependency failing every attempt
    String key = world.editorKey();
    world.healAll();
    var proxies = dynamoDb ? List.of(world.dynamoDbProxy()) : world.awsProxies();
    var before = world.snapshot();
    proxies.forEach(proxy -> proxy.inject("*", fault, 100_000));

    // when it is served
    APIGatewayV2HTTPResponse response;
    try {
      response = world.invoke(route.handlerClass(), SampleRequests.acceptable(route, key));
    } finally {
      world.healAll();
      SuiteReport.count("faults: outage scenarios (route x fault)", 1);
    }

    // then never a 500: a 503 to retry, a 4xx, or (when the dependency was not needed) success
    int status = response.getStatusCode();
    assertThat(status).as("%s under %s: %s", route.key(), fault, response.getBody())
        .isNotEqualTo(500).isLessThan(600);
    if (status >= 500) {
      Answers.assertUnavailable(response);
    }
    if (status >= 400) {
      assertThat(Answers.isJsonError(response)).as(response.getBody()).isTrue();
    }
    if (dynamoDb && status >= 300) {
      assertThat(world.snapshot()).as("store unchanged").isEqualTo(before);
    }
  }
}
