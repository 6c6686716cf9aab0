package dev.newsroom.devserver;

import java.util.HashMap;
import java.util.Map;

/**
 * Points the SDK at local emulators and gives the handlers their configuration. All functions
 * share one JVM here, so the union of their template environments becomes system properties,
 * which {@code Env} reads when no variable of that name is set.
 */
public final class LocalAws {

  private LocalAws() {}

  /**
   * @param sesEndpoint where SES v2 calls go: the dev server's own {@link LocalSes}, or an
   *     emulator in tests
   */
  public static void configure(String dynamoDbEndpoint, String sesEndpoint) {
    System.setProperty("aws.endpointUrlSesV2", sesEndpoint);
    System.setProperty("aws.region", "us-east-1");
    System.setProperty("aws.accessKeyId", "local");
    System.setProperty("aws.secretAccessKey", "local");
    System.setProperty("aws.endpointUrlDynamoDb", dynamoDbEndpoint);
  }

  public static void applyEnvironment(SamTemplate template) {
    Map<String, String> seen = new HashMap<>();
    for (SamTemplate.Function function : template.functions()) {
      function.environment().forEach((name, value) -> {
        String earlier = seen.putIfAbsent(name, value);
        if (earlier != null && !earlier.equals(value)) {
          throw new IllegalStateException("template.yaml gives " + name
              + " two values; the dev server hosts every function in one JVM");
        }
        if (!name.equals("JAVA_TOOL_OPTIONS")) {
          System.setProperty(name, value);
        }
      });
    }
  }
}
