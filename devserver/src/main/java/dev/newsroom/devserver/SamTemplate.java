package dev.newsroom.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the dev server needs from template.yaml: HTTP routes, their handler classes, environment
 * variables, schedules and table definitions. Intrinsic tags such as {@code !Ref X} read as their argument,
 * so a reference to a resource resolves to its logical id, which is the local resource's name.
 */
public final class SamTemplate {

  /** One HttpApi event of one function. */
  public record Route(String method, String path, String functionId, String handlerClass) {}

  /** A function with its handler and the environment template.yaml gives it. */
  public record Function(String id, String handlerClass, Map<String, String> environment,
      JsonNode events) {}

  private final JsonNode root;

  private SamTemplate(JsonNode root) {
    this.root = root;
  }

  public static SamTemplate read(Path file) throws IOException {
    return new SamTemplate(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
  }

  public List<Function> functions() {
    List<Function> functions = new ArrayList<>();
    Map<String, String> globalEnv = environment(root.at("/Globals/Function/Environment/Variables"));
    Map<String, String> parameters = parameterDefaults();
    resources().forEach((id, resource) -> {
      if ("AWS::Serverless::Function".equals(resource.path("Type").asText())) {
        JsonNode props = resource.path("Properties");
        Map<String, String> env = new LinkedHashMap<>(globalEnv);
        env.putAll(environment(props.at("/Environment/Variables")));
        // A !Ref to a parameter reads as the parameter's name: use its default, as a deploy would.
        env.replaceAll((name, value) -> parameters.getOrDefault(value, value));
        String handler = props.path("Handler").asText();
        functions.add(new Function(id, handler.replace("::handleRequest", ""), env,
            props.path("Events")));
      }
    });
    return functions;
  }

  public List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    for (Function function : functions()) {
      for (Iterator<JsonNode> it = function.events().elements(); it.hasNext(); ) {
        JsonNode event = it.next();
        if ("HttpApi".equals(event.path("Type").asText())) {
          JsonNode p = event.path("Properties");
          routes.add(new Route(p.path("Method").asText().toUpperCase(java.util.Locale.ROOT),
              p.path("Path").asText(), function.id(), function.handlerClass()));
        }
      }
    }
    return routes;
  }

  /** A function fed by a DynamoDB stream, as its event source mapping says. */
  public record StreamSubscription(String functionId, String handlerClass, String table,
      int maxRetries) {}

  public List<StreamSubscription> streamSubscriptions() {
    List<StreamSubscription> subscriptions = new ArrayList<>();
    for (Function function : functions()) {
      function.events().forEach(event -> {
        if ("DynamoDB".equals(event.path("Type").asText())) {
          JsonNode p = event.path("Properties");
          String table = p.path("Stream").asText().replace(".StreamArn", "");
          subscriptions.add(new StreamSubscription(function.id(), function.handlerClass(), table,
              p.path("MaximumRetryAttempts").asInt(3)));
        }
      });
    }
    return subscriptions;
  }

  /** A function fed by an SQS queue, as its event source mapping says (issue 11). */
  public record QueueSubscription(String functionId, String handlerClass, String queue,
      int batchSize) {}

  public List<QueueSubscription> queueSubscriptions() {
    List<QueueSubscription> subscriptions = new ArrayList<>();
    for (Function function : functions()) {
      function.events().forEach(event -> {
        if ("SQS".equals(event.path("Type").asText())) {
          JsonNode p = event.path("Properties");
          subscriptions.add(new QueueSubscription(function.id(), function.handlerClass(),
              p.path("Queue").asText().replace(".Arn", ""), p.path("BatchSize").asInt(10)));
        }
      });
    }
    return subscriptions;
  }

  /** A function invoked on an EventBridge schedule, as its {@code Schedule} event says. */
  public record ScheduledInvocation(String functionId, String handlerClass, Duration rate) {}

  public List<ScheduledInvocation> scheduledInvocations() {
    List<ScheduledInvocation> scheduled = new ArrayList<>();
    for (Function function : functions()) {
      function.events().forEach(event -> {
        if ("Schedule".equals(event.path("Type").asText())) {
          scheduled.add(new ScheduledInvocation(function.id(), function.handlerClass(),
              rate(event.path("Properties").path("Schedule").asText())));
        }
      });
    }
    return scheduled;
  }

  /** {@code rate(N unit)}; cron expressions are not served locally. */
  static Duration rate(String expression) {
    Matcher m = RATE.matcher(expression);
    if (!m.matches()) {
      throw new IllegalStateException("the dev server runs rate(N unit) schedules only: "
          + expression);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "minute", "minutes" -> Duration.ofMinutes(n);
      case "hour", "hours" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static final Pattern RATE =
      Pattern.compile("rate\\((\\d+) (minutes?|hours?|days?)\\)");

  /** Parameter name to its Default. */
  public Map<String, String> parameterDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    root.path("Parameters").fields().forEachRemaining(e -> {
      if (e.getValue().has("Default")) {
        defaults.put(e.getKey(), e.getValue().path("Default").asText());
      }
    });
    return defaults;
  }

  /** Logical id to Properties of every resource of {@code type}. */
  public Map<String, JsonNode> resourcesOfType(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    resources().forEach((id, resource) -> {
      if (type.equals(resource.path("Type").asText())) {
        found.put(id, resource.path("Properties"));
      }
    });
    return found;
  }

  private Map<String, JsonNode> resources() {
    Map<String, JsonNode> resources = new LinkedHashMap<>();
    root.path("Resources").fields().forEachRemaining(e -> resources.put(e.getKey(), e.getValue()));
    return resources;
  }

  /**
   * Plain and {@code !Ref} values. Conditional ones ({@code !If}) and dynamic references
   * ({@code {{resolve:...}}}, which CloudFormation fills in from a secret at deploy) are for
   * deployments only: locally the variable is absent, as when the feature is off.
   */
  private static Map<String, String> environment(JsonNode variables) {
    Map<String, String> env = new LinkedHashMap<>();
    variables.fields().forEachRemaining(e -> {
      if (e.getValue().isValueNode() && !e.getValue().asText().startsWith("{{resolve:")) {
        env.put(e.getKey(), e.getValue().asText());
      }
    });
    return env;
  }
}
