package dev.newsroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as an editor runs it: each path loads the classes the shade filters must
 * keep (front matter, Markdown, HTTP, the key service and the DynamoDB SDK), and nothing but the
 * one message reaches standard error.
 */
class NewsroomJarIT {

  private static final Path JAR = Path.of("target", "newsroom.jar");
  private static String closedUrl;

  @TempDir
  Path dir;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void nobodyListens() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      closedUrl = "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  private Run run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.home=" + dir, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("NEWSROOM_")
        || name.startsWith("AWS_") || name.equals("EDITOR_KEYS_TABLE"));
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void version_whenAsked_printsItAndExitsZero() throws Exception {
    Run run = run(Map.of(), "--version");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("newsroom ");
  }

  @Test
  void publish_whenTheSlugIsBad_exitsTwo() throws Exception {
    Run run = run(Map.of("NEWSROOM_URL", closedUrl, "NEWSROOM_KEY", "nrk.x.y"),
        "publish", "Bad_Slug");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("Not a slug: 'Bad_Slug'");
  }

  @Test
  void push_whenTheServerIsDown_exitsThreeAfterReadingTheFile() throws Exception {
    Files.write(dir.resolve("pier.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0});
    Path file = dir.resolve("pier.md");
    Files.writeString(file, "---\ntitle: Pier\nauthor: Ann\ntags: [local]\n---\n"
        + "![The pier](./pier.jpg)\n");

    Run run = run(Map.of("NEWSROOM_URL", closedUrl, "NEWSROOM_KEY", "nrk.x.y"), "push",
        file.toString());

    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("newsroom: " + file + ": Cannot reach " + closedUrl
        + " (ConnectException).\n");
  }

  @Test
  void keys_whenDynamoDbIsDown_exitsThreeWithOneLine() throws Exception {
    Run run = run(Map.of("AWS_ENDPOINT_URL_DYNAMODB", closedUrl, "AWS_REGION", "eu-west-1",
        "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "AWS_MAX_ATTEMPTS", "1"),
        "keys", "create", "ann", "--table", "newsroom-test-editor-keys");

    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).startsWith("newsroom: AWS: Unable to execute HTTP request")
        .hasLineCount(1);
  }
}
