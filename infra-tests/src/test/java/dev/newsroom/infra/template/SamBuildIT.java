package dev.newsroom.infra.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.tools.PinnedTool;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What CI's SAM steps check: {@code sam validate --lint} and {@code sam build} (no container)
 * pass, and every function's artifact holds its handler class. Needs the SAM CLI on the PATH
 * (requirements-dev.txt; .ci/run installs it): without it this fails, it does not skip.
 *
 * <p>Runs after {@code package}, so it hands functions/Makefile the jar this build just made
 * ({@code NEWSROOM_LAMBDA_JAR}) instead of running Maven inside Maven.
 */
class SamBuildIT {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private static Path root;
  private static JsonNode template;

  @BeforeAll
  static void read() throws IOException {
    root = LocalCloud.root();
    template = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("template.yaml").toFile());
  }

  @Test
  void samValidateLint_passes() throws Exception {
    PinnedTool.Result result = sam("validate", "--lint");

    assertThat(result.exitCode()).as("sam validate --lint:\n" + result.output()).isZero();
    assertThat(result.output()).contains("is a valid SAM Template");
  }

  @Test
  void everyFunction_buildsWithTheSharedMakefile() {
    assertThat(makefileProblems()).isEmpty();
  }

  @Test
  void samBuild_givesEveryFunctionTheSameJarHoldingItsHandler(@TempDir Path buildDir)
      throws Exception {
    // never let SAM fall back to its Maven workflow, which runs mvn install
    assertThat(makefileProblems()).as("functions SAM would build with Maven").isEmpty();
    Map<String, String> environment = new HashMap<>();
    freshLambdaJar().ifPresent(jar -> environment.put("NEWSROOM_LAMBDA_JAR", jar.toString()));

    PinnedTool.Result result = sam(environment, "build", "--build-in-source", "--build-dir",
        buildDir.toString());

    assertThat(result.exitCode()).as("sam build:\n" + result.output()).isZero();
    Set<String> jarDigests = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> function : functions().entrySet()) {
      String handler = function.getValue().at("/Properties/Handler").asText().split("::")[0];
      Path artifact = buildDir.resolve(function.getKey());
      Set<String> classes = classesIn(artifact, jarDigests);
      if (!classes.contains(handler.replace('.', '/') + ".class")) {
        problems.add(function.getKey() + ": " + artifact + " has no " + handler);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(jarDigests).as("one jar, the same bytes for every function").hasSize(1);
  }

  // ------------------------------------------------------------------ helpers

  private static List<String> makefileProblems() {
    List<String> problems = new ArrayList<>();
    functions().forEach((id, function) -> {
      if (!"makefile".equals(function.at("/Metadata/BuildMethod").asText())) {
        problems.add(id + " lacks 'Metadata: BuildMethod: makefile' (SAM would run its Maven"
            + " workflow: mvn install in a copy of functions/, without the parent pom)");
      }
      String codeUri = function.at("/Properties/CodeUri").asText(
          template.at("/Globals/Function/CodeUri").asText());
      if (!"functions".equals(codeUri)) {
        problems.add(id + " has CodeUri " + codeUri + ", not functions");
      }
    });
    return problems;
  }

  private static Map<String, JsonNode> functions() {
    Map<String, JsonNode> functions = new LinkedHashMap<>();
    template.path("Resources").fields().forEachRemaining(r -> {
      if (r.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
        functions.put(r.getKey(), r.getValue());
      }
    });
    return functions;
  }

  /** Class entries of an artifact: loose classes and the jars in lib/ (digests collected). */
  private static Set<String> classesIn(Path artifact, Set<String> jarDigests) throws IOException {
    Set<String> classes = new TreeSet<>();
    if (!Files.isDirectory(artifact)) {
      return classes;
    }
    try (Stream<Path> files = Files.walk(artifact)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = artifact.relativize(file).toString().replace(File.separatorChar, '/');
        if (name.endsWith(".class")) {
          classes.add(name);
        } else if (name.startsWith("lib/") && name.endsWith(".jar")) {
          jarDigests.add(sha256(file));
          try (JarFile jar = new JarFile(file.toFile())) {
            jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                .forEach(classes::add);
          }
        }
      }
    }
    return classes;
  }

  /** The shaded jar of this build, if it is newer than every compiled class of functions/. */
  private static Optional<Path> freshLambdaJar() throws IOException {
    Path target = root.resolve("functions/target");
    Optional<Path> jar;
    try (Stream<Path> files = Files.list(target)) {
      jar = files.filter(p -> p.getFileName().toString().matches("functions-.*-lambda\\.jar"))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
    if (jar.isEmpty()) {
      return jar;
    }
    long built = Files.getLastModifiedTime(jar.get()).toMillis();
    try (Stream<Path> classes = Files.walk(target.resolve("classes"))) {
      boolean stale = classes.anyMatch(c -> {
        try {
          return Files.getLastModifiedTime(c).toMillis() > built;
        } catch (IOException e) {
          return true;
        }
      });
      return stale ? Optional.empty() : jar;
    }
  }

  private static PinnedTool.Result sam(String... args) throws Exception {
    return sam(Map.of(), args);
  }

  private static PinnedTool.Result sam(Map<String, String> environment, String... args)
      throws Exception {
    Map<String, String> env = new HashMap<>(environment);
    env.put("SAM_CLI_TELEMETRY", "0");
    return PinnedTool.run(root, env, TIMEOUT, "sam", args);
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
