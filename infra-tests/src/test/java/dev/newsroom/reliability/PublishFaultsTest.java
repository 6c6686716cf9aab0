package dev.newsroom.reliability;

import static dev.newsroom.infra.Answers.assertUnavailable;
import static dev.newsroom.infra.Answers.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.infra.ApiCall;
import dev.newsroom.infra.Emulators;
import dev.newsroom.infra.FaultProxy;
import dev.newsroom.infra.FaultProxy.Fault;
import dev.newsroom.infra.SuiteReport;
import dev.newsroom.infra.Templates;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Editors' writes (PUT, publish) with DynamoDB failing between the handler and the table: what the
 * SDK retries away is invisible, what it cannot is a 503 with Retry-After and no partial write,
 * and a lost answer does not turn into a duplicate or a false conflict.
 */
class PublishFaultsTest {

  private static final String ARTICLE = "{\"title\":\"Faults\",\"author\":\"Infra\","
      + "\"body\":\"Text *here*.\",\"tags\":[\"reliability\"]}";

  private final Emulators world = Emulators.shared();
  private final FaultProxy dynamoDb = world.dynamoDbProxy();
  private String slug;

  @BeforeEach
  void setUp() {
    world.editorKey();
    world.healAll();
    slug = "faults-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void heal() {
    SuiteReport.count("faults: publish scenarios", 1);
    world.healAll();
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"DYNAMODB_THROUGHPUT", "DYNAMODB_500", "DROP"})
  void putArticle_whenOneWriteAttemptFails_succeedsThroughTheSdkRetry_andWritesOnce(Fault fault) {
    // given the first transaction attempt fails
    dynamoDb.inject("TransactWriteItems", fault, 1);

    // when an editor creates the article
    APIGatewayV2HTTPResponse response = put(slug, ARTICLE);

    // then the SDK retried it away: created once, one article item
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    assertThat(dynamoDb.faulted("TransactWriteItems")).isEqualTo(1);
    assertThat(dynamoDb.count("TransactWriteItems")).isEqualTo(2);
    assertThat(articleItems(slug)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"DYNAMODB_THROUGHPUT", "DYNAMODB_500", "DROP"})
  void putArticle_whenEveryAttemptFails_answers503WithRetryAfter_andChangesNothing(Fault fault) {
    // given the table refuses every write
    var before = world.snapshot();
    dynamoDb.inject("TransactWriteItems", fault, 1000);

    // when an editor creates the article
    APIGatewayV2HTTPResponse response = put(slug, ARTICLE);

    // then the editor is told to come back, and nothing was written
    assertUnavailable(response);
    assertThat(dynamoDb.faulted("TransactWriteItems")).isGreaterThanOrEqualTo(2);
    assertThat(world.snapshot()).isEqualTo(before);

    // and once the table is healthy the same request is accepted, exactly once
    dynamoDb.heal();
    assertThat(put(slug, ARTICLE).getStatusCode()).isEqualTo(201);
    assertThat(put(slug, ARTICLE).getStatusCode()).isEqualTo(200);
    assertThat(articleItems(slug)).isEqualTo(1);
  }

  @Test
  void publish_whenTheTableThrottlesEveryAttempt_answers503_andTheArticleStaysADraft() {
    // given a draft, and a table that throttles every transaction
    assertThat(put(slug, ARTICLE).getStatusCode()).isEqualTo(201);
    dynamoDb.inject("TransactWriteItems", Fault.DYNAMODB_THROUGHPUT, 1000);

    // when the editor publishes it
    APIGatewayV2HTTPResponse response = publish(slug);

    // then 503, and visitors still cannot see it
    assertUnavailable(response);
    dynamoDb.heal();
    assertThat(getPublic(slug).getStatusCode()).isEqualTo(404);

    // and publishing again after the fault clears works
    assertThat(publish(slug).getStatusCode()).isEqualTo(200);
    assertThat(getPublic(slug).getStatusCode()).isEqualTo(200);
  }

  @Test
  void publish_whenTheAnswerIsLostAfterTheWrite_isNotAppliedTwiceNorReportedAsAConflict() {
    // given a draft, and a connection that dies after DynamoDB applied the publish transaction
    assertThat(put(slug, ARTICLE).getStatusCode()).isEqualTo(201);
    long version = version(slug);
    dynamoDb.clearCalls();
    dynamoDb.inject("TransactWriteItems", Fault.LOSE_RESPONSE, 1);

    // when the editor publishes
    APIGatewayV2HTTPResponse response = publish(slug);

    // then the SDK's retry (same ClientRequestToken) is recognised: success, one version step
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(body(response).path("status").asText()).isEqualTo("published");
    assertThat(version(slug)).isEqualTo(version + 1);
    assertThat(dynamoDb.count("TransactWriteItems")).as("applied, lost, retried")
        .isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"DYNAMODB_THROUGHPUT", "DYNAMODB_500", "DROP"})
  void editorKeyCheck_whenTheKeyTableFails_answers503_not401(Fault fault) {
    // given the editor-key lookup fails on every attempt
    dynamoDb.inject("GetItem", fault, 1000);

    // when an editor with a valid key writes
    APIGatewayV2HTTPResponse response = put(slug, ARTICLE);

    // then the editor is told the service is busy, not that the key is wrong
    assertUnavailable(response);
  }

  @Test
  void sdkRetries_areBoundedSoAnApiCallEndsWithinTheFunctionTimeout() {
    // given every read is throttled
    dynamoDb.inject("GetItem", Fault.DYNAMODB_THROUGHPUT, 1000);

    // when a visitor reads an article
    long start = System.nanoTime();
    APIGatewayV2HTTPResponse response = getPublic(slug);
    long millis = (System.nanoTime() - start) / 1_000_000;

    // then the answer is a 503 and it came before Lambda's 10 s timeout would turn it into a 500
    assertUnavailable(response);
    long attempts = dynamoDb.count("GetItem");
    SuiteReport.figure("SDK attempts per DynamoDB call", Long.toString(attempts));
    assertThat(attempts).as("attempts per call").isBetween(2L, 4L);
    int timeoutSeconds = Templates.template().at("/Globals/Function/Timeout").asInt();
    assertThat(millis).as("time to answer 503 under throttling (ms)")
        .isLessThan(timeoutSeconds * 1000L - 1000);
  }

  private APIGatewayV2HTTPResponse put(String slug, String json) {
    return ApiCall.to("PUT", "/api/admin/articles/{slug}").path("slug", slug)
        .bearer(world.editorKey()).json(json).invoke();
  }

  private APIGatewayV2HTTPResponse publish(String slug) {
    return ApiCall.to("POST", "/api/admin/articles/{slug}/publish").path("slug", slug)
        .bearer(world.editorKey()).invoke();
  }

  private APIGatewayV2HTTPResponse getPublic(String slug) {
    return ApiCall.to("GET", "/api/articles/{slug}").path("slug", slug).invoke();
  }

  private long articleItems(String slug) {
    return world.dynamoDb().query(r -> r.tableName("ArticlesTable")
        .keyConditionExpression("pk = :p AND sk = :s")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(slug),
            ":s", AttributeValue.fromS("article")))).count();
  }

  private long version(String slug) {
    return Long.parseLong(world.dynamoDb().getItem(r -> r.tableName("ArticlesTable")
        .key(Map.of("pk", AttributeValue.fromS(slug), "sk", AttributeValue.fromS("article"))))
        .item().get("version").n());
  }
}
