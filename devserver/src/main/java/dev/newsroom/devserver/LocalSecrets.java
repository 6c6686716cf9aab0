package dev.newsroom.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.newsroom.shared.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in for Secrets Manager's GetSecretValue, so the real {@code SecretsManagerLinkKey} runs
 * unchanged in the dev server: every secret the functions ask for (today only the subscription
 * link key) is one random local value, kept in the data folder so that links in old local emails
 * keep working after a restart. The adapter against a real-protocol emulator is covered by the
 * infra tests. The cold-start bench serves it too.
 */
public final class LocalSecrets {

  /** The path prefix the SDK endpoint is given. */
  public static final String PREFIX = "/_secretsmanager";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String value;

  private LocalSecrets(String value) {
    this.value = value;
  }

  /** @param data the data folder, or null to keep the secret in memory only */
  public static LocalSecrets load(Path data) throws IOException {
    Path file = data == null ? null : data.resolve("subscription-link-key.txt");
    if (file != null && Files.exists(file)) {
      return new LocalSecrets(Files.readString(file).strip());
    }
    String value = Hashing.randomToken(48);
    if (file != null) {
      Files.writeString(file, value + "\n");
    }
    return new LocalSecrets(value);
  }

  public void serve(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (!"POST".equals(exchange.getRequestMethod())
        || !"secretsmanager.GetSecretValue".equals(target)) {
      DevResponses.send(exchange, 400, "application/x-amz-json-1.1",
          "{\"__type\":\"InvalidRequestException\",\"message\":\"only GetSecretValue\"}");
      return;
    }
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    String id = request.path("SecretId").asText();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + id + "-local");
    answer.put("Name", id);
    answer.put("VersionId", "local");
    answer.put("SecretString", value);
    answer.put("VersionStages", new String[] {"AWSCURRENT"});
    DevResponses.send(exchange, 200, "application/x-amz-json-1.1",
        JSON.writeValueAsString(answer));
  }
}
