package dev.newsroom.infra.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.devserver.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.local.MotoServer;
import dev.newsroom.infra.local.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample events in {@code events/} are the ones {@code sam local invoke -e} takes. This feeds
 * each, in the order {@code events/index.json} gives, to the handler template.yaml names for its
 * function, deserialised as the Lambda Java runtime does (HTTP API, DynamoDB stream and SNS
 * events; direct invocations as a JSON object), and checks the answer. It also keeps the
 * folder complete: every function needs an event, and every event file must be listed.
 */
@ExtendWith(LocalCloud.class)
class ReplayEventsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NOT_EVENTS = Set.of("index.json", "env.json");

  private static final String SES_ENDPOINT = "aws.endpointUrlSesV2";

  private static Path events;
  private static JsonNode index;
  private static Newsroom newsroom;
  private static MotoServer moto;
  private static String previousSesEndpoint;

  @BeforeAll
  static void read() throws Exception {
    events = EventReplay.events();
    index = EventReplay.index();
    newsroom = new Newsroom();
    // SES behind the mail sender: moto, with the sender's domain verified as SES requires. Set
    // before the mail sender is built, as its SDK client reads the endpoint once.
    moto = MotoServer.start();
    moto.verifyDomain(newsroom.template.parameterDefaults().get("SenderIdentity"));
    previousSesEndpoint = System.getProperty(SES_ENDPOINT);
    System.setProperty(SES_ENDPOINT, moto.endpoint());
  }

  @AfterAll
  static void stop() {
    if (previousSesEndpoint == null) {
      System.clearProperty(SES_ENDPOINT);
    } else {
      System.setProperty(SES_ENDPOINT, previousSesEndpoint);
    }
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void everyFunctionInTemplate_hasAnEvent() {
    Set<String> covered = new HashSet<>();
    index.path("events").forEach(e -> covered.add(e.path("function").asText()));

    for (SamTemplate.Function function : newsroom.template.functions()) {
      assertThat(covered).as("events/index.json has no event for %s; add events/<name>.json"
          + " and list it", function.id()).contains(function.id());
    }
  }

  @Test
  void everyEventFile_isListedAndEveryEntryNamesARealFunctionAndFile() throws IOException {
    Set<String> listed = new TreeSet<>();
    Set<String> functions = new HashSet<>();
    newsroom.template.functions().forEach(f -> functions.add(f.id()));
    for (JsonNode entry : index.path("events")) {
      String file = entry.path("file").asText();
      listed.add(file);
      assertThat(events.resolve(file)).as("listed in events/index.json").isRegularFile();
      assertThat(functions).as("function of %s", file).contains(entry.path("function").asText());
    }
    try (Stream<Path> files = Files.list(events)) {
      List<String> present = files.map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".json") && !NOT_EVENTS.contains(name)).sorted().toList();
      assertThat(listed).as("event files vs events/index.json").containsExactlyElementsOf(present);
    }
  }

  @Test
  void httpEvents_matchARouteOfTheirFunction() throws IOException {
    for (JsonNode entry : index.path("events")) {
      String function = entry.path("function").asText();
      List<String> routes = newsroom.template.routes().stream()
          .filter(r -> r.functionId().equals(function))
          .map(r -> r.method() + " " + r.path()).toList();
      if (routes.isEmpty()) {
        continue;
      }
      JsonNode event = JSON.readTree(events.resolve(entry.path("file").asText()).toFile());
      assertThat(routes).as(entry.path("file").asText())
          .contains(event.path("routeKey").asText());
      assertThat(event.path("routeKey").asText()).startsWith(
          event.at("/requestContext/http/method").asText() + " ");
      assertThat(event.path("rawPath").asText()).isEqualTo(
          event.at("/requestContext/http/path").asText());
    }
  }

  @Test
  void everyEvent_replayedThroughItsHandler_answersAsListed() throws Exception {
    EventReplay.run("replay", newsroom, moto, ReplayEventsIT::invoke);
  }

  /** The handler class in this JVM, its event read and its answer written as the runtime does. */
  private static JsonNode invoke(String function, String json) throws IOException {
    if (isStreamFunction(function)) {
      return JSON.valueToTree(streamHandler(function).handleRequest(
          LambdaEventSerializers.serializerFor(DynamodbEvent.class, loader()).fromJson(json),
          null));
    }
    if (isSnsFunction(function)) {
      // SES bounce and complaint notifications, as the topic delivers them
      return JSON.valueToTree(snsHandler(function).handleRequest(
          LambdaEventSerializers.serializerFor(SNSEvent.class, loader()).fromJson(json), null));
    }
    if (isSqsFunction(function)) {
      // campaign jobs and sends (issue 11): an SQS batch, answered with the failed items
      return JSON.valueToTree(sqsHandler(function).handleRequest(
          LambdaEventSerializers.serializerFor(SQSEvent.class, loader()).fromJson(json), null));
    }
    if (isS3Function(function)) {
      // Images (issue 14): S3 event notifications, read by the handler from the event bytes
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      ((com.amazonaws.services.lambda.runtime.RequestStreamHandler) instantiate(function))
          .handleRequest(new java.io.ByteArrayInputStream(
              json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), out, null);
      return JSON.readTree(out.toByteArray());
    }
    if (newsroom.template.routes().stream().noneMatch(r -> r.functionId().equals(function))) {
      // a direct invocation: any JSON object
      return JSON.valueToTree(directHandler(function).handleRequest(
          JSON.readValue(json, new TypeReference<Map<String, Object>>() {}), null));
    }
    APIGatewayV2HTTPResponse response = newsroom.invoke(function, LambdaEventSerializers
        .serializerFor(APIGatewayV2HTTPEvent.class, loader()).fromJson(json));
    ObjectNode answer = JSON.createObjectNode().put("statusCode", response.getStatusCode())
        .put("body", response.getBody());
    answer.set("headers", JSON.valueToTree(response.getHeaders()));
    return answer;
  }

  /**
   * {@code sam local --env-vars events/env.json} only sets variables the template declares, so
   * the file must name declared variables only, and give every function's tables.
   */
  @Test
  void envJson_setsOnlyDeclaredVariablesAndEveryTable() throws IOException {
    JsonNode env = JSON.readTree(events.resolve("env.json").toFile());
    JsonNode raw = new ObjectMapper(new YAMLFactory()).readTree(
        LocalCloud.root().resolve("template.yaml").toFile());
    Set<String> declared = new HashSet<>();
    raw.at("/Globals/Function/Environment/Variables").fieldNames().forEachRemaining(declared::add);
    List<String> problems = new ArrayList<>();
    for (SamTemplate.Function function : newsroom.template.functions()) {
      raw.at("/Resources/" + function.id() + "/Properties/Environment/Variables").fieldNames()
          .forEachRemaining(declared::add);
      function.environment().forEach((name, value) -> {
        boolean isTable = newsroom.template.resourcesOfType("AWS::DynamoDB::Table")
            .containsKey(value);
        if (isTable && !env.path("Parameters").has(name) && !env.path(function.id()).has(name)) {
          problems.add(function.id() + " gets no " + name);
        }
      });
    }
    env.fields().forEachRemaining(section -> section.getValue().fieldNames().forEachRemaining(
        name -> {
          if (!declared.contains(name)) {
            problems.add(section.getKey() + "." + name + " is not declared in template.yaml");
          }
        }));
    assertThat(problems).isEmpty();
    assertThat(env.at("/Parameters/AWS_ENDPOINT_URL").asText())
        .isEqualTo("http://host.docker.internal:4566");
  }

  private static boolean isStreamFunction(String functionId) {
    return newsroom.template.streamSubscriptions().stream()
        .anyMatch(s -> s.functionId().equals(functionId));
  }

  private static boolean isS3Function(String functionId) {
    return hasEventOfType(functionId, "S3");
  }

  private static boolean isSnsFunction(String functionId) {
    return hasEventOfType(functionId, "SNS");
  }

  private static boolean isSqsFunction(String functionId) {
    return hasEventOfType(functionId, "SQS");
  }

  private static boolean hasEventOfType(String functionId, String type) {
    return newsroom.template.functions().stream()
        .filter(f -> f.id().equals(functionId))
        .anyMatch(f -> {
          for (JsonNode event : f.events()) {
            if (type.equals(event.path("Type").asText())) {
              return true;
            }
          }
          return false;
        });
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<SQSEvent, Object> sqsHandler(String functionId) {
    return (RequestHandler<SQSEvent, Object>) instantiate(functionId);
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<SNSEvent, Object> snsHandler(String functionId) {
    return (RequestHandler<SNSEvent, Object>) instantiate(functionId);
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<DynamodbEvent, StreamsEventResponse> streamHandler(
      String functionId) {
    return (RequestHandler<DynamodbEvent, StreamsEventResponse>) instantiate(functionId);
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<Map<String, Object>, Object> directHandler(String functionId) {
    return (RequestHandler<Map<String, Object>, Object>) instantiate(functionId);
  }

  private static Object instantiate(String functionId) {
    try {
      return Class.forName(newsroom.handlerClass(functionId)).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot build the handler of " + functionId, e);
    }
  }

  private static ClassLoader loader() {
    return ReplayEventsIT.class.getClassLoader();
  }
}
