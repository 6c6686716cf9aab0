package dev.newsroom.infra.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.infra.Templates;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CloudFront side of the API agrees with the functions behind it: requests through the
 * distribution carry the viewer's address, the editors' Authorization header and the secret that
 * lets the functions trust that address; every function that counts visitors gets that secret.
 */
class EdgeTemplateTest {

  private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
  private static final String ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
  private static final Pattern SECRET_REFERENCE =
      Pattern.compile("\\{\\{resolve:secretsmanager:\\$\\{([A-Za-z0-9]+)}:SecretString}}");

  private final JsonNode template = Templates.template();
  private final JsonNode distribution = Templates.resources("AWS::CloudFront::Distribution")
      .values().iterator().next().path("DistributionConfig");

  @Test
  void apiOrigin_sendsAGeneratedSecret_andEveryFunctionGivenItGetsTheSameValue() {
    String sent = originVerifyHeader();

    Matcher reference = SECRET_REFERENCE.matcher(sent);
    assertThat(reference.matches()).as("X-Origin-Verify is a dynamic reference: %s", sent).isTrue();
    JsonNode secret = template.path("Resources").path(reference.group(1));
    assertThat(secret.path("Type").asText()).isEqualTo("AWS::SecretsManager::Secret");
    assertThat(secret.at("/Properties/GenerateSecretString/PasswordLength").asInt())
        .isGreaterThanOrEqualTo(32);
    Map<String, String> given = new TreeMap<>();
    Templates.resources("AWS::Serverless::Function").forEach((id, props) -> {
      JsonNode value = props.at("/Environment/Variables/ORIGIN_VERIFY_SECRET");
      if (!value.isMissingNode()) {
        given.put(id, value.asText());
      }
    });
    assertThat(given).isNotEmpty().allSatisfy((id, value) -> assertThat(value).isEqualTo(sent));
  }

  @Test
  void everyFunctionThatCountsVisitors_canTellTheViewerFromTheEdge() {
    Templates.resources("AWS::Serverless::Function").forEach((id, props) -> {
      JsonNode env = props.at("/Environment/Variables");
      if (env.has("RATE_LIMITS_TABLE")) {
        assertThat(env.has("ORIGIN_VERIFY_SECRET"))
            .as("%s limits requests per IP, so it needs ORIGIN_VERIFY_SECRET", id).isTrue();
      }
    });
  }

  @Test
  void apiBehaviour_forwardsAuthorizationAndTheViewerAddress_andCachesNothing() {
    JsonNode api = null;
    for (JsonNode behaviour : distribution.path("CacheBehaviors")) {
      if (behaviour.path("PathPattern").asText().equals("/api/*")) {
        api = behaviour;
      }
    }

    assertThat(api).as("a /api/* behaviour").isNotNull();
    // All viewer headers but Host: Authorization on every method (a cache policy cannot carry it
    // with caching off) and CloudFront-Viewer-Address; Host would break API Gateway.
    assertThat(api.path("OriginRequestPolicyId").asText()).isEqualTo(ALL_VIEWER_EXCEPT_HOST);
    assertThat(api.path("CachePolicyId").asText()).isEqualTo(CACHING_DISABLED);
    assertThat(api.path("AllowedMethods")).extracting(JsonNode::asText)
        .contains("GET", "HEAD", "POST", "PUT", "DELETE");
    // An /api/admin/* behaviour of its own would need the same policies; there is none.
    assertThat(distribution.path("CacheBehaviors")).extracting(b -> b.path("PathPattern").asText())
        .allMatch(pattern -> !pattern.startsWith("/api/") || pattern.equals("/api/*"));
  }

  private String originVerifyHeader() {
    for (JsonNode origin : distribution.path("Origins")) {
      if (origin.path("DomainName").asText().contains("execute-api")) {
        for (JsonNode header : origin.path("OriginCustomHeaders")) {
          if (header.path("HeaderName").asText().equalsIgnoreCase("X-Origin-Verify")) {
            return header.path("HeaderValue").asText();
          }
        }
      }
    }
    throw new AssertionError("the API origin sends no X-Origin-Verify header");
  }
}
