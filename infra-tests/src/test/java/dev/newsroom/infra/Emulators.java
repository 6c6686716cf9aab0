package dev.newsroom.infra;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.devserver.DynamoDbLocal;
import dev.newsroom.devserver.LocalAws;
import dev.newsroom.devserver.SamTemplate;
import dev.newsroom.devserver.TableBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Once per test JVM: points the SDK at DynamoDB Local (started here, on 127.0.0.1 and a free
 * port, stopped when the run ends), or at the endpoint in {@code AWS_ENDPOINT_URL_DYNAMODB} /
 * {@code AWS_ENDPOINT_URL} when one is set (LocalStack, or AWS itself), in which case no local
 * server starts. Then it gives the handlers the environment template.yaml gives them and creates
 * the template's tables under their logical ids, as the dev server does.
 */
public final class Emulators implements BeforeAllCallback {

  /** The run's one setup; the root store closes it after the last test class. */
  private static final class Setup implements AutoCloseable {

    private final DynamoDbLocal dynamoDbLocal;

    Setup(DynamoDbLocal dynamoDbLocal) {
      this.dynamoDbLocal = dynamoDbLocal;
    }

    @Override
    public void close() throws Exception {
      if (dynamoDbLocal != null) {
        dynamoDbLocal.close();
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Setup.class, k -> start(), Setup.class);
  }

  private static Setup start() {
    try {
      DynamoDbLocal local = null;
      if (externalEndpoint().isEmpty()) {
        local = DynamoDbLocal.start(null);
        System.setProperty("aws.endpointUrlDynamoDb", local.endpoint());
      }
      // Emulators take any static pair; real credentials in the environment still win.
      if (Env.optional("AWS_ACCESS_KEY_ID").isEmpty()) {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
      }
      SamTemplate template = template();
      LocalAws.applyEnvironment(template);
      TableBuilder.createAll(template, AwsClients.dynamoDb());
      return new Setup(local);
    } catch (Exception e) {
      throw new IllegalStateException("could not set up the emulators", e);
    }
  }

  /** The endpoint the environment names for DynamoDB, if any. */
  static Optional<String> externalEndpoint() {
    return Env.optional("AWS_ENDPOINT_URL_DYNAMODB").or(() -> Env.optional("AWS_ENDPOINT_URL"));
  }

  static SamTemplate template() throws IOException {
    return SamTemplate.read(root().resolve("template.yaml"));
  }

  /** The repository root: from the build, or the nearest folder holding template.yaml. */
  static Path root() {
    String configured = System.getProperty("newsroom.root");
    Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
