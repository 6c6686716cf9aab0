package dev.newsroom.infra.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.infra.local.LocalCloud;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Code and template.yaml agree: each function is given every variable its handler reads, and
 * may touch every table, bucket, queue and topic its variables name.
 *
 * <p>What a handler reads is measured, not guessed: its class is loaded in a fresh class loader
 * (so no static state of another function leaks in) and built with its public no-arg constructor,
 * exactly as Lambda does at init, with only the variables template.yaml gives that function. The
 * code reads configuration only at init, through {@code Env}, which falls back to system
 * properties; the properties are swapped for a recording copy, so optional reads are seen too,
 * and each must be declared for the function (a knob the template cannot turn is drift).
 * Exempt: what Lambda sets itself, and the SDK's {@code AWS_ENDPOINT_URL*} emulator overrides.
 */
class TemplateConsistencyTest {

  /** Set by Lambda itself, never by a template. */
  private static final Set<String> RUNTIME_VARIABLES = Set.of("AWS_REGION", "AWS_DEFAULT_REGION",
      "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_EXECUTION_ENV",
      "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
      "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
      "AWS_LAMBDA_RUNTIME_API", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
      "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
      "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "_HANDLER", "TZ");
  /** The SDK's standard endpoint overrides: emulators only, never part of a deployment. */
  private static final Pattern ENDPOINT_OVERRIDE = Pattern.compile("AWS_ENDPOINT_URL(_[A-Z0-9_]+)?");
  private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern ENV_READ = Pattern.compile(
      "Env\\s*\\.\\s*(?:require|optional)\\s*\\(\\s*\"([^\"]+)\"");
  /** Resource types a variable may name, and the prefixes of the policies that grant them. */
  private static final Map<String, String> GRANTS = Map.of(
      "AWS::DynamoDB::Table", "dynamodb",
      "AWS::S3::Bucket", "s3",
      "AWS::SQS::Queue", "sqs",
      "AWS::SNS::Topic", "sns");

  private static final SplitClassPath CLASS_PATH =
      SplitClassPath.of(System.getProperty("java.class.path"));

  private static JsonNode template;
  private static Path root;

  @BeforeAll
  static void read() throws IOException {
    root = LocalCloud.root();
    template = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("template.yaml").toFile());
  }

  @Test
  void everyVariableAHandlerReadsAtInit_isSetForItsFunction() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> function : functions().entrySet()) {
      String id = function.getKey();
      String handler = function.getValue().at("/Properties/Handler").asText().split("::")[0];
      Map<String, JsonNode> declared = declaredVariables(function.getValue());

      Set<String> read = initialise(handler, deployedValues(declared), id, problems);

      for (String name : read) {
        if (!declared.containsKey(name) && !notForTemplates(name)) {
          problems.add(id + " (" + simpleName(handler) + ") reads " + name
              + ", which template.yaml does not declare for it");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyVariableNamedInTheCode_isDeclaredForSomeFunction() throws IOException {
    Set<String> declaredAnywhere = new TreeSet<>();
    functions().values().forEach(f -> declaredAnywhere.addAll(declaredVariables(f).keySet()));
    List<String> problems = new ArrayList<>();

    try (Stream<Path> files = Files.walk(root.resolve("functions/src/main/java"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        Matcher m = ENV_READ.matcher(source);
        while (m.find()) {
          String name = m.group(1);
          if (VARIABLE.matcher(name).matches() && !declaredAnywhere.contains(name)
              && !notForTemplates(name)) {
            problems.add(root.relativize(file) + " reads " + name
                + ", which no function in template.yaml declares");
          }
        }
        if (source.contains("System.getenv(") && !file.endsWith("config/Env.java")) {
          problems.add(root.relativize(file) + " calls System.getenv; read configuration"
              + " through Env, so that template.yaml and this test see it");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyResourceAFunctionsVariablesName_isGrantedByItsPolicies() {
    Map<String, String> resourceTypes = new LinkedHashMap<>();
    template.path("Resources").fields().forEachRemaining(r ->
        resourceTypes.put(r.getKey(), r.getValue().path("Type").asText()));
    List<String> problems = new ArrayList<>();

    functions().forEach((id, function) -> declaredVariables(function).forEach((name, value) -> {
      if (!value.isTextual()) {
        return;
      }
      String resource = value.asText().split("\\.")[0];
      String service = GRANTS.get(resourceTypes.getOrDefault(resource, ""));
      if (service != null && !granted(function.at("/Properties/Policies"), resource, service)) {
        problems.add(id + ": " + name + " names " + resource + " (" + resourceTypes.get(resource)
            + ") but no " + service + " policy of the function names it");
      }
    }));
    assertThat(problems).isEmpty();
  }

  private static boolean notForTemplates(String name) {
    return RUNTIME_VARIABLES.contains(name) || ENDPOINT_OVERRIDE.matcher(name).matches();
  }

  // ------------------------------------------------------------------ template reading

  private static Map<String, JsonNode> functions() {
    Map<String, JsonNode> functions = new LinkedHashMap<>();
    template.path("Resources").fields().forEachRemaining(r -> {
      if (r.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
        functions.put(r.getKey(), r.getValue());
      }
    });
    return functions;
  }

  /** Globals then the function's own variables, with their raw (tagged) values. */
  private static Map<String, JsonNode> declaredVariables(JsonNode function) {
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    template.at("/Globals/Function/Environment/Variables").fields()
        .forEachRemaining(v -> variables.put(v.getKey(), v.getValue()));
    function.at("/Properties/Environment/Variables").fields()
        .forEachRemaining(v -> variables.put(v.getKey(), v.getValue()));
    return variables;
  }

  /**
   * The values a deployment gives, as far as they matter here: a plain or referenced value
   * becomes a string ({@code !Ref X} reads as X, a parameter as its default); a conditional one that may be left out
   * ({@code !If [c, v, !Ref AWS::NoValue]}) is left out, as the code must cope without it.
   */
  private static Map<String, String> deployedValues(Map<String, JsonNode> declared) {
    Map<String, String> values = new LinkedHashMap<>();
    declared.forEach((name, value) -> {
      if (value.isValueNode()) {
        JsonNode parameter = template.path("Parameters").path(value.asText());
        values.put(name, parameter.has("Default") ? parameter.path("Default").asText()
            : value.asText());
      } else if (value.isArray() && !value.toString().contains("AWS::NoValue")) {
        values.put(name, "conditional-" + name.toLowerCase());
      }
    });
    return values;
  }

  /** Whether a policy for {@code service} mentions {@code resource}. */
  private static boolean granted(JsonNode policies, String resource, String service) {
    for (JsonNode policy : policies) {
      if (policy.isTextual()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>)
          policy::fields) {
        boolean forService = entry.getKey().equals("Statement")
            ? entry.getValue().toString().toLowerCase().contains("\"" + service + ":")
            : entry.getKey().toLowerCase().startsWith(service);
        if (forService && mentions(entry.getValue(), resource)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean mentions(JsonNode node, String resource) {
    if (node.isTextual()) {
      String text = node.asText();
      return text.equals(resource) || text.startsWith(resource + ".")
          || text.contains("${" + resource + "}") || text.contains("${" + resource + ".");
    }
    for (JsonNode child : node) {
      if (mentions(child, resource)) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ measuring init

  /**
   * Builds the handler as Lambda's init does, with only {@code values} configured, and returns
   * every variable-like name the code asked for. A required variable that is missing is a
   * problem of its own.
   */
  private static Set<String> initialise(String handler, Map<String, String> values,
      String functionId, List<String> problems) throws Exception {
    Properties original = System.getProperties();
    RecordingProperties recording = new RecordingProperties(original, values);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {CLASS_PATH.functions()},
        CLASS_PATH.libraries())) {
      System.setProperties(recording);
      Class.forName(handler, true, loader).getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      problems.add(functionId + " (" + simpleName(handler) + ") fails at init with the"
          + " variables template.yaml gives it: " + cause);
    } catch (ReflectiveOperationException e) {
      problems.add(functionId + ": cannot build its handler " + handler + ": " + e);
    } finally {
      System.setProperties(original);
    }
    Set<String> names = new TreeSet<>();
    for (String key : recording.asked) {
      if (VARIABLE.matcher(key).matches()) {
        names.add(key);
      }
    }
    return names;
  }

  /**
   * The test class path split in two: the functions' own classes, loaded afresh for each
   * function, and everything else (SDK, Jackson...), loaded once and shared, which holds no
   * configuration of ours and is what makes a fresh start take a fraction of a second.
   */
  private record SplitClassPath(URL functions, URLClassLoader libraries) {

    static SplitClassPath of(String classPath) {
      URL functions = null;
      List<URL> libraries = new ArrayList<>();
      for (String entry : classPath.split(File.pathSeparator)) {
        URL url = url(entry);
        if (functions == null && holdsEnv(Path.of(entry))) {
          functions = url;
        } else {
          libraries.add(url);
        }
      }
      if (functions == null) {
        throw new IllegalStateException("dev.newsroom.config.Env is not on the test class path");
      }
      return new SplitClassPath(functions, new URLClassLoader(libraries.toArray(URL[]::new),
          ClassLoader.getPlatformClassLoader()));
    }

    private static boolean holdsEnv(Path entry) {
      String env = "dev/newsroom/config/Env.class";
      if (Files.isDirectory(entry)) {
        return Files.exists(entry.resolve(env));
      }
      try (JarFile jar = new JarFile(entry.toFile())) {
        return jar.getEntry(env) != null;
      } catch (IOException e) {
        return false;
      }
    }

    private static URL url(String entry) {
      try {
        return Path.of(entry).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** The JVM's properties minus any variable-like ones, plus the function's values; records reads. */
  private static final class RecordingProperties extends Properties {

    final Set<String> asked = java.util.Collections.synchronizedSet(new TreeSet<>());

    RecordingProperties(Properties base, Map<String, String> values) {
      base.stringPropertyNames().stream()
          .filter(name -> !VARIABLE.matcher(name).matches())
          .forEach(name -> setProperty(name, base.getProperty(name)));
      values.forEach(this::setProperty);
    }

    @Override
    public String getProperty(String key) {
      asked.add(key);
      return super.getProperty(key);
    }

    @Override
    public String getProperty(String key, String defaultValue) {
      asked.add(key);
      return super.getProperty(key, defaultValue);
    }
  }
}
