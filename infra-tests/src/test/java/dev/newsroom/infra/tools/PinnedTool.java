package dev.newsroom.infra.tools;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command-line tool pinned in requirements-dev.txt (sam, openapi-spec-validator...).
 * A tool that is not on the PATH fails the test rather than skipping it: CI installs them, and a
 * check that silently does not run guards nothing.
 */
public final class PinnedTool {

  /** Exit code and the merged stdout and stderr. */
  public record Result(int exitCode, String output) {}

  private PinnedTool() {}

  public static Result run(Path directory, Map<String, String> environment, Duration timeout,
      String program, String... args) throws IOException, InterruptedException {
    Path executable = onPath(program).orElseGet(() -> fail(program + " is not on the PATH;"
        + " install the pinned tools: pip install -r requirements-dev.txt (.ci/run does)"));
    List<String> command = new ArrayList<>(List.of(executable.toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(program + "-", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        fail(String.join(" ", command) + " took over " + timeout.toSeconds() + " s:\n"
            + Files.readString(log));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Optional<Path> onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
