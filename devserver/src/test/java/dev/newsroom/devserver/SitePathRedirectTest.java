package dev.newsroom.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder redirect of site paths never sends a browser to another host: the CloudFront
 * function's own JavaScript, taken from template.yaml and run by Node, and the dev server's rule,
 * both on a kept list of redirect vectors (encoded and literal double slashes and backslashes,
 * control characters, look-alike dots), and both agree on every vector.
 */
class SitePathRedirectTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs the template's function on every vector; answers the Location, or "" for none. */
  private static final String RUNNER = """
      const fs = require('fs');
      const handler = require(process.argv[2]);
      const vectors = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
      const out = vectors.map(v => {
        const result = handler({ version: '1.0', context: { eventType: 'viewer-request' },
          viewer: { ip: '192.0.2.1' },
          request: { method: 'GET', uri: v.uri, querystring: {}, headers: {}, cookies: {} } });
        return result.statusCode ? (result.statusCode + ' ' + result.headers.location.value)
          : 'request ' + result.uri;
      });
      process.stdout.write(JSON.stringify(out));
      """;

  @Test
  void cloudFrontFunction_whenRedirectVectors_neverNamesAnotherHost(@TempDir Path dir)
      throws Exception {
    List<String> answers = runFunction(dir);
    JsonNode vectors = vectors();

    for (int i = 0; i < vectors.size(); i++) {
      String uri = vectors.get(i).path("uri").asText();
      String answer = answers.get(i);
      String location = answer.startsWith("301 ") ? answer.substring(4) : null;
      assertThat(answer).as("answer for %s", uri).matches("(?s)(301 |request ).*");
      assertStaysOnSite(uri, location);
      JsonNode expected = vectors.get(i).path("location");
      if (!expected.isMissingNode()) {
        assertThat(location).as("redirect of %s", uri).isEqualTo(expected.asText());
      }
      assertThat(LocalSite.folderRedirect(uri).orElse(null))
          .as("dev server and CloudFront function agree on %s", uri).isEqualTo(location);
    }
  }

  @Test
  void devServer_whenRedirectVectors_neverNamesAnotherHost() throws Exception {
    for (JsonNode vector : vectors()) {
      String uri = vector.path("uri").asText();
      String location = LocalSite.folderRedirect(uri).orElse(null);
      assertStaysOnSite(uri, location);
      if (vector.has("location")) {
        assertThat(location).as("redirect of %s", uri).isEqualTo(vector.path("location").asText());
      }
    }
  }

  /** No redirect, or one to a path on this host that no browser reads as another host. */
  private static void assertStaysOnSite(String uri, String location) {
    if (location == null) {
      return;
    }
    assertThat(location).as("Location for %s", uri).matches("/[A-Za-z0-9][A-Za-z0-9._/-]*")
        .doesNotContain("//", "\\");
    assertThat(URI.create("https://news.example/").resolve(location).getHost())
        .as("host after redirect of %s", uri).isEqualTo("news.example");
  }

  private static JsonNode vectors() throws Exception {
    try (InputStream in = SitePathRedirectTest.class
        .getResourceAsStream("/site/redirect-vectors.json")) {
      return JSON.readTree(in);
    }
  }

  private static List<String> runFunction(Path dir) throws Exception {
    SamTemplate template = SamTemplate.read(Path.of("..", "template.yaml"));
    String code = template.resourcesOfType("AWS::CloudFront::Function").values().iterator()
        .next().path("FunctionCode").asText();
    assertThat(code).contains("function handler(event)");
    Path function = dir.resolve("function.js");
    Files.writeString(function, code + "\nmodule.exports = handler;\n");
    Path runner = dir.resolve("run.js");
    Files.writeString(runner, RUNNER);
    Path vectors = dir.resolve("vectors.json");
    Files.writeString(vectors, JSON.writeValueAsString(vectors()));
    Process node = new ProcessBuilder("node", runner.toString(), function.toString(),
        vectors.toString()).redirectErrorStream(true).start();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
    assertThat(node.exitValue()).as("node: %s", out).isZero();
    List<String> answers = new ArrayList<>();
    JSON.readTree(out).forEach(a -> answers.add(a.asText()));
    assertThat(answers).hasSize(vectors().size());
    return answers;
  }
}
