package dev.newsroom.infra.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.tools.PinnedTool;
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
import java.util.TreeMap;
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
 * <p>Runs after {@code package}, so it hands functions/Makefile the deployment packages this
 * build just made ({@code NEWSROOM_PACKAGES}) instead of running Maven inside Maven. Which
 * function gets which package, and what is in it, the package tests check
 * (dev.newsroom.infra.packages).
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
  void samBuild_givesEveryFunctionOnePackageHoldingItsHandler(@TempDir Path buildDir)
      throws Exception {
    // never let SAM fall back to its Maven workflow, which runs mvn install
    assertThat(makefileProblems()).as("functions SAM would build with Maven").isEmpty();
    Map<String, String> environment = new HashMap<>();
    freshPackages().ifPresent(dir -> environment.put("NEWSROOM_PACKAGES", dir.toString()));

    PinnedTool.Result result = sam(environment, "build", "--build-in-source", "--build-dir",
        buildDir.toString());

    assertThat(result.exitCode()).as("sam build:\n" + result.output()).isZero();
    Map<String, Set<String>> digestsByJarName = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> function : functions().entrySet()) {
      String handler = function.getValue().at("/Properties/Handler").asText().split("::")[0];
      Path artifact = buildDir.resolve(function.getKey());
      List<Path> jars = jarsIn(artifact);
      if (jars.size() != 1) {
        problems.add(function.getKey() + ": " + artifact + " has " + jars.size()
            + " jars in lib/, not one");
        continue;
      }
      Path jar = jars.get(0);
      digestsByJarName.computeIfAbsent(jar.getFileName().toString(), k -> new TreeSet<>())
          .add(sha256(jar));
      try (JarFile file = new JarFile(jar.toFile())) {
        if (file.getEntry(handler.replace('.', '/') + ".class") == null) {
          problems.add(function.getKey() + ": " + jar + " has no " + handler);
        }
      }
    }
    digestsByJarName.forEach((name, digests) -> {
      if (digests.size() != 1) {
        problems.add(name + " differs between functions");
      }
    });
    assertThat(problems).isEmpty();
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

  /** The jars an artifact puts on the class path (lib/), none when it was not built. */
  private static List<Path> jarsIn(Path artifact) throws IOException {
    Path lib = artifact.resolve("lib");
    if (!Files.isDirectory(lib)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(lib)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
    }
  }

  /** This build's packages folder, if every package is newer than every compiled class. */
  private static Optional<Path> freshPackages() throws IOException {
    Path target = root.resolve("functions/target");
    Path packages = target.resolve("packages");
    if (!Files.isDirectory(packages)) {
      return Optional.empty();
    }
    long built;
    try (Stream<Path> jars = Files.list(packages)) {
      built = jars.filter(j -> j.getFileName().toString().endsWith(".jar"))
          .mapToLong(SamBuildIT::lastModified).min().orElse(0);
    }
    try (Stream<Path> classes = Files.walk(target.resolve("classes"))) {
      long newest = classes.mapToLong(SamBuildIT::lastModified).max().orElse(Long.MAX_VALUE);
      return built > 0 && newest <= built ? Optional.of(packages) : Optional.empty();
    }
  }

  private static long lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return Long.MAX_VALUE;
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
